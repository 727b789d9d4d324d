// HTTP schema and use case of GET /api/indicators/online-levels (registered in indicators.routes.ts) and of the public
// GET /api/public/online-services (public-results.routes.ts): the procedures by online level (online-levels.ts).
import { Type } from 'typebox';
import { vietnamToday, type Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { onlineLevels, type AgencyOnlineLevels, type OnlineLevelCounts } from './online-levels.ts';
import { askedAgencies, indicatorScope } from './period-indicators.ts';

const Count = Type.Integer({ minimum: 0 });
const Share = Type.Union([Type.Number(), Type.Null()], { description: 'Percent with one decimal; null without procedures' });
const countsFields = {
  procedures: Count,
  old: Type.Object({ level1: Count, level2: Count, level3: Count, level4: Count, unknown: Count }, { description: 'ND 43/2011 levels 1–4; unknown: none recorded' }),
  level3or4Share: Share,
  current: Type.Object({ full: Count, partial: Count, notRecorded: Count }, { description: 'Full-process / partial online service (ND 42/2022); notRecorded: no level in the catalogue' }),
  fullShare: Share,
  onlineShare: Share,
};
export const OnlineLevelsResponse = Type.Object({
  total: Type.Object(countsFields, { description: 'Every procedure once, however many agencies list it' }),
  byAgency: Type.Array(Type.Object({ agency: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), ...countsFields })),
});

/** For an officer: their agencies, one of them, or an administrative unit (same rules and errors as GET /api/indicators). */
export async function onlineLevelsForViewer(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  query: { agencyId?: string | undefined; unitCode?: string | undefined },
): Promise<{ total: OnlineLevelCounts; byAgency: AgencyOnlineLevels[] }> {
  const scope = indicatorScope(viewer);
  if (scope !== 'all' && scope.length === 0) {
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ, công chức xem được chỉ số của cơ quan.', 'Only officers see agency indicators.', { rule: 'officers_only' });
  }
  const today = vietnamToday(deps.clock);
  const { agencyIds } = await askedAgencies(deps, scope, { ...query, from: today, to: today }, today);
  return onlineLevels(deps.db, agencyIds);
}
