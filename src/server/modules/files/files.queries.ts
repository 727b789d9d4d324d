// SQL for uploaded files. Each function takes the database or a transaction first.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { files } from '../../db/schema.ts';

export type FileRow = typeof files.$inferSelect;

export async function insertFile(db: DbOrTx, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row as FileRow;
}

export async function findFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** Locks the named files for the rest of the transaction, so two filings cannot attach the same file. */
export function findFilesForUpdate(db: DbOrTx, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(files).where(inArray(files.id, ids)).for('update');
}

/** Attaches files to one component of a dossier. */
export async function attachFiles(db: DbOrTx, ids: string[], dossierId: string, componentIndex: number, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(files)
    .set({ dossierId, componentIndex, attachedAt: at })
    .where(sql`${inArray(files.id, ids)} AND ${files.dossierId} IS NULL`);
}

/** Attaches result documents (purpose 'result', no component) to a dossier. */
export async function attachResultFiles(db: DbOrTx, ids: string[], dossierId: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(files)
    .set({ dossierId, purpose: 'result', componentIndex: null, attachedAt: at })
    .where(sql`${inArray(files.id, ids)} AND ${files.dossierId} IS NULL`);
}

/** The result documents of a dossier, in the order they were uploaded. */
export function listResultFiles(db: DbOrTx, dossierId: string): Promise<Pick<FileRow, 'id' | 'name' | 'mediaType' | 'size'>[]> {
  return db
    .select({ id: files.id, name: files.name, mediaType: files.mediaType, size: files.size })
    .from(files)
    .where(and(eq(files.dossierId, dossierId), eq(files.purpose, 'result')))
    .orderBy(files.createdAt, files.id);
}
