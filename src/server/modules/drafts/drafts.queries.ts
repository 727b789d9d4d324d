// SQL for a citizen's drafts (saved e-forms). Each function takes the database or a transaction first; every read
// and write is scoped to the owner, so another user's draft simply does not exist.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dossierDrafts, procedures, procedureVersions } from '../../db/schema.ts';

export type DraftRow = typeof dossierDrafts.$inferSelect;

export interface DraftListRow extends DraftRow {
  procedure: { code: string | null; name: string } | null;
}

/** The owner's drafts, last saved first, each with its procedure's current code and name. */
export async function listDrafts(db: DbOrTx, ownerId: string): Promise<DraftListRow[]> {
  const rows = await db
    .select({ draft: dossierDrafts, code: procedureVersions.nationalCode, name: procedureVersions.name })
    .from(dossierDrafts)
    .leftJoin(procedures, eq(procedures.id, dossierDrafts.procedureId))
    .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(eq(dossierDrafts.ownerId, ownerId))
    .orderBy(desc(dossierDrafts.updatedAt))
    .limit(100);
  return rows.map((r) => ({ ...r.draft, procedure: r.name === null ? null : { code: r.code, name: r.name } }));
}

export async function findDraft(db: DbOrTx, ownerId: string, id: string): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(dossierDrafts).where(and(eq(dossierDrafts.id, id), eq(dossierDrafts.ownerId, ownerId)));
  return row;
}

export async function insertDraft(db: DbOrTx, values: { ownerId: string; procedureId: string; data: unknown; at: Date }): Promise<DraftRow> {
  const [row] = await db
    .insert(dossierDrafts)
    .values({ ownerId: values.ownerId, procedureId: values.procedureId, data: values.data, createdAt: values.at, updatedAt: values.at })
    .returning();
  return row as DraftRow;
}

/** Saves new data only when the stored version is still `version`; undefined when it is not (or no such draft). */
export async function updateDraft(db: DbOrTx, ownerId: string, id: string, version: number, data: unknown, at: Date): Promise<DraftRow | undefined> {
  const [row] = await db
    .update(dossierDrafts)
    .set({ data, version: sql`${dossierDrafts.version} + 1`, updatedAt: at })
    .where(and(eq(dossierDrafts.id, id), eq(dossierDrafts.ownerId, ownerId), eq(dossierDrafts.version, version)))
    .returning();
  return row;
}

export async function deleteDraft(db: DbOrTx, ownerId: string, id: string): Promise<boolean> {
  const rows = await db.delete(dossierDrafts).where(and(eq(dossierDrafts.id, id), eq(dossierDrafts.ownerId, ownerId))).returning({ id: dossierDrafts.id });
  return rows.length > 0;
}
