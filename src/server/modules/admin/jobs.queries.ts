// SQL for long administrative jobs (table `jobs`): create, progress, finish, read.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { jobs } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(db: DbOrTx, job: { kind: string; total: number; input: unknown; createdBy: string; createdAt: Date }): Promise<JobRow> {
  const [row] = await db.insert(jobs).values({ ...job, status: 'queued' }).returning();
  return row!;
}

export async function markJobRunning(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(jobs).set({ status: 'running', startedAt: at }).where(eq(jobs.id, id));
}

/** Records progress; never past the total (the table's CHECK) and never backwards. */
export async function updateJobProgress(db: DbOrTx, id: string, done: number): Promise<void> {
  await db
    .update(jobs)
    .set({ done: sql`greatest(${jobs.done}, least(${done}, coalesce(${jobs.total}, ${done})))` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function finishJob(db: DbOrTx, id: string, outcome: { status: 'succeeded'; summary: unknown } | { status: 'failed'; error: string }, at: Date): Promise<void> {
  await db
    .update(jobs)
    .set(
      outcome.status === 'succeeded'
        ? { status: 'succeeded', summary: outcome.summary, done: sql`coalesce(${jobs.total}, ${jobs.done})`, finishedAt: at }
        : { status: 'failed', error: outcome.error, finishedAt: at },
    )
    .where(eq(jobs.id, id));
}

export async function getJob(db: DbOrTx, id: string): Promise<JobRow> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw AppError.notFound('tác vụ', 'Job', id);
  return row;
}

export function listRecentJobs(db: DbOrTx, kind: string, limit = 10): Promise<JobRow[]> {
  return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(desc(jobs.createdAt)).limit(limit);
}
