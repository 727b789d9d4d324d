// SQL for dossiers received from the national portal. Each function takes the database or a transaction first.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dossiers, nationalPortalDossiers } from '../../db/schema.ts';
import type { DossierRow } from '../dossiers/dossiers.queries.ts';

/** The dossier received under this portal dossier code (MaHoSo), if any. */
export async function findPortalDossier(db: DbOrTx, portalCode: string): Promise<DossierRow | undefined> {
  const [row] = await db
    .select({ dossier: dossiers })
    .from(nationalPortalDossiers)
    .innerJoin(dossiers, eq(dossiers.id, nationalPortalDossiers.dossierId))
    .where(eq(nationalPortalDossiers.portalCode, portalCode));
  return row?.dossier;
}

/** Records the portal's code and payload; false when the code is already taken (a concurrent retry won). */
export async function insertPortalDossier(db: DbOrTx, values: typeof nationalPortalDossiers.$inferInsert): Promise<boolean> {
  const rows = await db.insert(nationalPortalDossiers).values(values).onConflictDoNothing().returning({ dossierId: nationalPortalDossiers.dossierId });
  return rows.length > 0;
}
