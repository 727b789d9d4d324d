// Addresses inside the dashboard; the period's query string (period.ts) is carried along by the pages.
import { paths } from '../../paths.ts';

export const dashboardPaths = {
  overview: paths.dashboard,
  agency: (agencyId: string) => `${paths.dashboard}/don-vi/${encodeURIComponent(agencyId)}`,
  procedure: (agencyId: string, procedureId: string) =>
    `${paths.dashboard}/don-vi/${encodeURIComponent(agencyId)}/thu-tuc/${encodeURIComponent(procedureId)}`,
  /** Form II.06a: by agency, or by field and level (the grouping in the path, so the period picker keeps it). */
  report06a: (groupBy: 'agency' | 'field' = 'agency') =>
    groupBy === 'field' ? `${paths.dashboard}/bieu-ii-06a/linh-vuc` : `${paths.dashboard}/bieu-ii-06a`,
};
