// SQL for agencies. Each function takes the database or a transaction first.
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies } from '../../db/schema.ts';

export type AgencyRow = typeof agencies.$inferSelect;

/** Agencies serving `unitCode` (or all), optionally matching a diacritic-insensitive name query. */
export function listAgencies(
  db: DbOrTx,
  filter: { unitCode?: string | undefined; q?: string | undefined },
): Promise<AgencyRow[]> {
  const conditions = [sql`true`];
  if (filter.unitCode) conditions.push(sql`${agencies.unitCode} = ${filter.unitCode}`);
  if (filter.q) conditions.push(sql`${agencies.searchText} LIKE '%' || motcua_normalize(${filter.q}) || '%'`);
  return db
    .select()
    .from(agencies)
    .where(sql.join(conditions, sql` AND `))
    .orderBy(asc(agencies.type), asc(agencies.name))
    .limit(1000);
}

export async function findAgency(db: DbOrTx, id: string): Promise<AgencyRow | undefined> {
  const rows = await db.select().from(agencies).where(eq(agencies.id, id));
  return rows[0];
}

export async function findAgencyByCode(db: DbOrTx, code: string): Promise<AgencyRow | undefined> {
  const rows = await db.select().from(agencies).where(eq(agencies.code, code));
  return rows[0];
}

/**
 * The province (2-digit code) an agency's administrative unit belongs to now: the unit's current version, then
 * its parent's, up to three levels (commune → district → province), each step one index lookup. (A recursive CTE
 * did the same walk over every version of every code and cost ~13 ms per dossier filed.)
 */
export async function provinceOfAgency(db: DbOrTx, agencyId: string): Promise<string | undefined> {
  const current = (code: string) =>
    sql`SELECT code, parent_code, level FROM admin_units WHERE code = ${sql.raw(code)} ORDER BY valid_to IS NULL DESC, valid_from DESC LIMIT 1`;
  const rows = await db.execute(
    sql`SELECT CASE WHEN u0.level = 'province' THEN u0.code WHEN u1.level = 'province' THEN u1.code WHEN u2.level = 'province' THEN u2.code END AS code
          FROM agencies a
          JOIN LATERAL (${current('a.unit_code')}) u0 ON true
          LEFT JOIN LATERAL (${current('u0.parent_code')}) u1 ON true
          LEFT JOIN LATERAL (${current('u1.parent_code')}) u2 ON true
         WHERE a.id = ${agencyId}`,
  );
  return (rows as unknown as { rows: { code: string | null }[] }).rows[0]?.code ?? undefined;
}
