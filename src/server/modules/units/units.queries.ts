// SQL for administrative units. Each function takes the database or a transaction first.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export interface UnitRow {
  code: string;
  name: string;
  fullName: string;
  type: string;
  typeName: string;
  level: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

const UNIT_COLUMNS = sql`u.code, u.name, u.full_name AS "fullName", u.type, u.type_name AS "typeName", u.level,
  u.parent_code AS "parentCode", u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo"`;

const validOn = (date: string) =>
  sql`u.valid_from <= ${date}::date AND (u.valid_to IS NULL OR u.valid_to > ${date}::date)`;

/** Provinces valid on `date`, or the children of `parentCode` valid on `date`, by code. */
export function listUnitsAsOf(db: DbOrTx, date: string, parentCode?: string): Promise<UnitRow[]> {
  const parent = parentCode ? sql`u.parent_code = ${parentCode}` : sql`u.level = 'province'`;
  return queryRows<UnitRow>(
    db,
    sql`SELECT ${UNIT_COLUMNS} FROM admin_units u WHERE ${parent} AND ${validOn(date)} ORDER BY u.code`,
  );
}

/** The versions of a unit code (one per period in which it named a unit), oldest first. */
export function listUnitVersions(db: DbOrTx, code: string): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`SELECT ${UNIT_COLUMNS} FROM admin_units u WHERE u.code = ${code} ORDER BY u.valid_from`,
  );
}

export interface SuccessionRow extends UnitRow {
  mergeType: string;
  effectiveOn: string;
  fromCode: string;
  fromValidFrom: string;
}

/**
 * Units that `code` became (direction 'successors') or came from ('predecessors'). Without `date`, every
 * version of the code counts; with it, only the version valid on that date.
 */
export function listSuccessions(
  db: DbOrTx,
  code: string,
  direction: 'successors' | 'predecessors',
  date?: string,
): Promise<SuccessionRow[]> {
  const [self, other] =
    direction === 'successors'
      ? [sql`s.old_unit_id`, sql`s.new_unit_id`]
      : [sql`s.new_unit_id`, sql`s.old_unit_id`];
  const dateFilter = date
    ? sql`AND f.valid_from <= ${date}::date AND (f.valid_to IS NULL OR f.valid_to > ${date}::date)`
    : sql``;
  return queryRows<SuccessionRow>(
    db,
    sql`SELECT ${UNIT_COLUMNS}, s.merge_type AS "mergeType", s.effective_on::text AS "effectiveOn",
          f.code AS "fromCode", f.valid_from::text AS "fromValidFrom"
        FROM admin_units f
        JOIN admin_unit_successions s ON ${self} = f.id
        JOIN admin_units u ON u.id = ${other}
        WHERE f.code = ${code} ${dateFilter}
        ORDER BY s.effective_on, u.level, u.code`,
  );
}

/** Counts communes valid on `date` under a province (directly, or through its districts). */
export async function countCommunesOfProvince(
  db: DbOrTx,
  provinceCode: string,
  date: string,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM admin_units u
        WHERE u.level = 'commune' AND ${validOn(date)}
          AND (u.parent_code = ${provinceCode} OR u.parent_code IN (
            SELECT d.code FROM admin_units d WHERE d.level = 'district' AND d.parent_code = ${provinceCode}
              AND d.valid_from <= ${date}::date AND (d.valid_to IS NULL OR d.valid_to > ${date}::date)))`,
  );
  return rows[0]?.n ?? 0;
}
