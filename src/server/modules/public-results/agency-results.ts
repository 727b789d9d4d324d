// Use case: the public list of results per agency for a year — dossiers received, resolved early, on time or late
// against their legal deadline, and open ones within or past it at the report instant (the year's end, or the start of
// today for the running year) — with no personal data. Served from the indicators' aggregates
// (indicator_day_counts, summed as form II.06a: breakdowns.ts), so it agrees with the officers' dashboards.
import type { AgencyResult } from '../../../shared/public-results.ts';
import { percent } from '../../../shared/indicators/indicators.ts';
import type { Deps } from '../../deps.ts';
import { agencyBreakdown, checkPeriod } from '../indicators/breakdowns.ts';

export type { AgencyResult };

/** Per competent agency with any figure in `year` (Vietnam dates), by name. */
export async function agencyResults(deps: Pick<Deps, 'db' | 'clock'>, year: number): Promise<AgencyResult[]> {
  const period = checkPeriod(deps, { from: `${year}-01-01`, to: `${year + 1}-01-01` });
  const rows = await agencyBreakdown(deps, 'all', period);
  return rows
    .map((row) => {
      const { received, resolved, pending } = row.form;
      return {
        agency: { id: row.agencyId, code: row.code ?? '', name: row.name },
        received: received.online + received.inPersonOrPost,
        finished: resolved.total,
        early: resolved.early,
        onTime: resolved.onTime,
        late: resolved.late,
        open: pending.total,
        overdue: pending.overdue,
        onTimeRate: percent(resolved.early + resolved.onTime, resolved.total, 1),
      };
    })
    .sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'vi'));
}
