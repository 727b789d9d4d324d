// Schema: The installation itself: key-value state and long-running administrative jobs.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';

/** Key-value facts about this installation (e.g. when the first-start seed finished). */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A long-running administrative job (e.g. a catalogue import): its progress and outcome, polled by the web app. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    input: jsonb('input').notNull(),
    summary: jsonb('summary'),
    error: text('error'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_kind_idx').on(t.kind, t.createdAt),
    check('jobs_status_check', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
    check('jobs_progress_check', sql`${t.done} >= 0 and (${t.total} is null or ${t.done} <= ${t.total})`),
  ],
);
