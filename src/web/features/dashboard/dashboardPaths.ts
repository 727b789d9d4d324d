// Addresses inside the dashboard; the period's query string (period.ts) is carried along by the pages.
import { paths } from '../../paths.ts';

export const dashboardPaths = {
  overview: paths.dashboard,
  agency: (agencyId: string) => `${paths.dashboard}/don-vi/${encodeURIComponent(agencyId)}`,
  procedure: (agencyId: string, procedureId: string) =>
    `${paths.dashboard}/don-vi/${encodeURIComponent(agencyId)}/thu-tuc/${encodeURIComponent(procedureId)}`,
  /** Form II.06a (by field and level with `?theo=linh-vuc`, see Report06aPage.tsx). */
  report06a: `${paths.dashboard}/bieu-ii-06a`,
};
