// Which agencies' figures make up an administrative unit's indicators (issue #6, "by unit, old units rolled up into
// their 2025 successors through the mapping"): the agencies of the unit, of every unit below it (in any version:
// a province includes its old districts and their old communes), and of every old unit that was merged into it or
// into a unit below it (admin_unit_successions). A unit merged in part counts whole in each of its successors of
// the same level, without the units below it (an old district split over fourteen wards is counted in the province,
// not in each ward); a unit merged in full brings everything below it. An agency belongs to a unit version when its
// unit code is the version's code and their validity periods overlap, because codes were reused after 07/2025
// (00004 was Phường Trúc Bạch, then Phường Ba Đình).
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export interface UnitAgencies {
  unit: { code: string; name: string; level: string };
  agencyIds: string[];
  /** Old units merged in part (merge_type partial, same level): their figures are counted in full in each successor. */
  partialPredecessors: string[];
}

/** The agencies under `unitCode` as it stood on `onDate` (YYYY-MM-DD). Unknown unit → 400 naming query.unitCode. */
export async function agenciesUnderUnit(db: DbOrTx, unitCode: string, onDate: string): Promise<UnitAgencies> {
  const [unit] = await queryRows<{ id: string; code: string; name: string; level: string }>(
    db,
    sql`SELECT id, code, full_name AS name, level FROM admin_units
         WHERE code = ${unitCode} AND valid_from <= ${onDate}::date AND (valid_to IS NULL OR valid_to > ${onDate}::date)
         ORDER BY valid_from DESC LIMIT 1`,
  );
  if (!unit) {
    throw AppError.invalidInput([
      { path: 'query.unitCode', rule: 'unknown_unit', message: `không có đơn vị hành chính mã ${unitCode} vào ngày ${onDate}`, messageEn: `no administrative unit ${unitCode} on ${onDate}` },
    ]);
  }
  const rows = await queryRows<{ kind: 'agency' | 'partial'; value: string }>(
    db,
    sql`WITH RECURSIVE edges(parent_id, child_id, partial) AS (
          SELECT p.id, c.id, false
            FROM admin_units c
            JOIN admin_units p ON p.code = c.parent_code
                              AND p.valid_from < coalesce(c.valid_to, 'infinity'::date)
                              AND c.valid_from < coalesce(p.valid_to, 'infinity'::date)
          UNION ALL
          SELECT s.new_unit_id, s.old_unit_id, s.merge_type = 'partial'
            FROM admin_unit_successions s
            JOIN admin_units o ON o.id = s.old_unit_id
            JOIN admin_units n ON n.id = s.new_unit_id
           WHERE s.merge_type = 'full' OR o.level = n.level
        ), under(id, partial) AS (
          SELECT ${unit.id}::uuid, false
          UNION
          SELECT e.child_id, e.partial FROM edges e JOIN under ON e.parent_id = under.id AND NOT under.partial
        )
        SELECT DISTINCT 'agency' AS kind, a.id::text AS value
          FROM under
          JOIN admin_units u ON u.id = under.id
          JOIN agencies a ON a.unit_code = u.code
                         AND coalesce(a.valid_from, '-infinity'::date) < coalesce(u.valid_to, 'infinity'::date)
                         AND u.valid_from < coalesce(a.valid_to, 'infinity'::date)
        UNION
        SELECT DISTINCT 'partial', u.code FROM under JOIN admin_units u ON u.id = under.id WHERE under.partial`,
  );
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    agencyIds: rows.filter((r) => r.kind === 'agency').map((r) => r.value).sort(),
    partialPredecessors: rows.filter((r) => r.kind === 'partial').map((r) => r.value).sort(),
  };
}
