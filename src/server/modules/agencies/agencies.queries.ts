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

/** The province (2-digit code) an agency's administrative unit belongs to, following parents up. */
export async function provinceOfAgency(db: DbOrTx, agencyId: string): Promise<string | undefined> {
  const rows = await db.execute(
    sql`WITH RECURSIVE up AS (
          SELECT u.code, u.parent_code, u.level, 0 AS depth FROM admin_units u
            JOIN agencies a ON a.unit_code = u.code WHERE a.id = ${agencyId}
          UNION
          SELECT p.code, p.parent_code, p.level, up.depth + 1 FROM admin_units p JOIN up ON p.code = up.parent_code WHERE up.depth < 3
        )
        SELECT code FROM up WHERE level = 'province' ORDER BY code LIMIT 1`,
  );
  return (rows as unknown as { rows: { code: string }[] }).rows[0]?.code;
}
