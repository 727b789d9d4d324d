// The seed-era catalogue measure of issue #6: how many of the agencies' procedures are offered online, by level —
// the old levels 1–4 of ND 43/2011 ("1,055 online services at level 3 and 4, 55 %") and the current full-process /
// partial levels of ND 42/2022 and ND 224/2026 — as they stand now (each procedure judged on its current version).
// "The agencies' procedures" are those agency_procedures lists as implementing or competent, as in
// catalogue-measures.ts. A level the catalogue does not record is counted as such, never guessed.
import { sql } from 'drizzle-orm';
import type { AgencyOnlineLevels, OnlineLevelCounts } from '../../../shared/public-results.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export type { AgencyOnlineLevels, OnlineLevelCounts };

interface Row {
  agency_id: string | null;
  agency_code: string | null;
  agency_name: string | null;
  procedures: number;
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  old_unknown: number;
  full: number;
  partial: number;
  not_recorded: number;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

function counts(r: Row): OnlineLevelCounts {
  const n = (v: number) => Number(v);
  const procedures = n(r.procedures);
  const old = { level1: n(r.level1), level2: n(r.level2), level3: n(r.level3), level4: n(r.level4), unknown: n(r.old_unknown) };
  const current = { full: n(r.full), partial: n(r.partial), notRecorded: n(r.not_recorded) };
  return {
    procedures,
    old,
    level3or4Share: share(old.level3 + old.level4, procedures),
    current,
    fullShare: share(current.full, procedures),
    onlineShare: share(current.full + current.partial, procedures),
  };
}

/**
 * The counts for the agencies in scope ('all': every agency), in total (a procedure listed by two agencies counts
 * once) and per agency (agencies with at least one procedure, most procedures first, then by name).
 */
export async function onlineLevels(db: DbOrTx, scope: 'all' | string[]): Promise<{ total: OnlineLevelCounts; byAgency: AgencyOnlineLevels[] }> {
  const inScope = scope === 'all' ? sql`true` : sql`ap.agency_id = ANY(${`{${scope.join(',')}}`}::uuid[])`;
  const rows = await queryRows<Row>(
    db,
    sql`WITH listed AS (
          SELECT DISTINCT ap.agency_id, ap.procedure_id FROM agency_procedures ap
           WHERE ap.role IN ('implementing', 'competent') AND ${inScope}
        ), judged AS (
          SELECT l.agency_id, l.procedure_id, v.online_level_old AS old, v.online_level AS level
            FROM listed l
            JOIN procedures p ON p.id = l.procedure_id
            JOIN procedure_versions v ON v.id = p.current_version_id
        ), per_procedure AS (
          SELECT DISTINCT procedure_id, old, level FROM judged
        ), counted AS (
          SELECT agency_id, procedure_id, old, level FROM judged
          UNION ALL
          SELECT NULL, procedure_id, old, level FROM per_procedure
        )
        SELECT c.agency_id::text AS agency_id, a.code AS agency_code, a.name AS agency_name,
               count(*)::int AS procedures,
               count(*) FILTER (WHERE c.old = 1)::int AS level1,
               count(*) FILTER (WHERE c.old = 2)::int AS level2,
               count(*) FILTER (WHERE c.old = 3)::int AS level3,
               count(*) FILTER (WHERE c.old = 4)::int AS level4,
               count(*) FILTER (WHERE c.old IS NULL)::int AS old_unknown,
               count(*) FILTER (WHERE c.level = 'full')::int AS full,
               count(*) FILTER (WHERE c.level = 'partial')::int AS partial,
               count(*) FILTER (WHERE c.level IS NULL)::int AS not_recorded
          FROM counted c LEFT JOIN agencies a ON a.id = c.agency_id
         GROUP BY c.agency_id, a.code, a.name`,
  );
  const totalRow = rows.find((r) => r.agency_id === null);
  const empty: Row = { agency_id: null, agency_code: null, agency_name: null, procedures: 0, level1: 0, level2: 0, level3: 0, level4: 0, old_unknown: 0, full: 0, partial: 0, not_recorded: 0 };
  const byAgency = rows
    .filter((r) => r.agency_id !== null)
    .map((r) => ({ agency: { id: r.agency_id as string, code: r.agency_code ?? '', name: r.agency_name ?? '' }, ...counts(r) }))
    .sort((a, b) => b.procedures - a.procedures || a.agency.name.localeCompare(b.agency.name, 'vi'));
  return { total: counts(totalRow ?? empty), byAgency };
}
