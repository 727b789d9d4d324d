// SQL for the applicant's rating of a dossier's service. Each function takes the database or a transaction first.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dossierRatings } from '../../db/schema.ts';

export type RatingRow = typeof dossierRatings.$inferSelect;

export async function findRating(db: DbOrTx, dossierId: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
  return row;
}

/** Inserts the rating; undefined when the dossier already has one (the primary key keeps it to one). */
export async function insertRating(db: DbOrTx, values: typeof dossierRatings.$inferInsert): Promise<RatingRow | undefined> {
  const [row] = await db.insert(dossierRatings).values(values).onConflictDoNothing().returning();
  return row;
}
