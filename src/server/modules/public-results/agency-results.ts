// Use case: the public list of results per agency for a year — dossiers finished early, on time or late against
// their appointment, and open ones within or past it — with no personal data. Classification is the one the
// dossier pages use (timingOf: minutes against the appointment, early = finished on an earlier Vietnam date).
// Issue #6 replaces this with the service index's aggregates and rules (supplement pauses, the 766 formulas).
import { sql } from 'drizzle-orm';
import type { AgencyResult } from '../../../shared/public-results.ts';
import type { Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';

export type { AgencyResult };

interface Row {
  id: string;
  code: string;
  name: string;
  received: string;
  early: string;
  on_time: string;
  late: string;
  open: string;
  overdue: string;
}

/** Per competent agency, dossiers received in `year` (Vietnam dates), classified as of now. */
export async function agencyResults(deps: Pick<Deps, 'db' | 'clock'>, year: number): Promise<AgencyResult[]> {
  const from = `${year}-01-01T00:00:00+07:00`;
  const to = `${year + 1}-01-01T00:00:00+07:00`;
  const now = deps.clock.now().toISOString();
  const localDate = (column: string) => sql.raw(`(d.${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
  const rows = await queryRows<Row>(
    deps.db,
    sql`SELECT a.id, a.code, a.name,
          count(*) AS received,
          count(*) FILTER (WHERE d.finished_at IS NOT NULL AND d.finished_at <= d.due_at AND ${localDate('finished_at')} < ${localDate('due_at')}) AS early,
          count(*) FILTER (WHERE d.finished_at IS NOT NULL AND d.finished_at <= d.due_at AND ${localDate('finished_at')} >= ${localDate('due_at')}) AS on_time,
          count(*) FILTER (WHERE d.finished_at IS NOT NULL AND d.finished_at > d.due_at) AS late,
          count(*) FILTER (WHERE d.finished_at IS NULL) AS open,
          count(*) FILTER (WHERE d.finished_at IS NULL AND d.due_at < ${now}::timestamptz) AS overdue
        FROM dossiers d
        JOIN agencies a ON a.id = d.competent_agency_id
       WHERE d.received_at >= ${from}::timestamptz AND d.received_at < ${to}::timestamptz
         AND d.status <> 'refused_at_intake'
       GROUP BY a.id, a.code, a.name
       ORDER BY a.name`,
  );
  return rows.map((row) => {
    const [received, early, onTime, late, open, overdue] = [row.received, row.early, row.on_time, row.late, row.open, row.overdue].map(Number) as [number, number, number, number, number, number];
    const finished = early + onTime + late;
    return {
      agency: { id: row.id, code: row.code, name: row.name },
      received,
      finished,
      early,
      onTime,
      late,
      open,
      overdue,
      onTimeRate: finished === 0 ? null : Math.round(((early + onTime) / finished) * 1000) / 10,
    };
  });
}
