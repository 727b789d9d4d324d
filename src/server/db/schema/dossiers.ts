// Schema: Dossiers, their append-only action log, code counters, consultation and inter-agency tasks, the outbox.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { agencies, procedureVersions, procedures } from './catalogue.ts';

/** A dossier (hồ sơ): one application for one procedure. Its status is derived from dossier_actions and cached here. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    code: text('code'),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    procedureVersionId: uuid('procedure_version_id').notNull().references(() => procedureVersions.id),
    channel: text('channel').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull().references(() => agencies.id),
    competentAgencyId: uuid('competent_agency_id').notNull().references(() => agencies.id),
    returningAgencyId: uuid('returning_agency_id').notNull().references(() => agencies.id),
    citizenUserId: uuid('citizen_user_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    creationRequestId: text('creation_request_id').notNull(),
    applicant: jsonb('applicant').notNull(),
    owner: jsonb('owner'),
    submitter: jsonb('submitter'),
    components: jsonb('components').notNull(),
    feeLines: jsonb('fee_lines').notNull(),
    status: text('status').notNull(),
    nationalStatus: smallint('national_status').notNull(),
    version: integer('version').notNull().default(1),
    assigneeId: uuid('assignee_id').references(() => users.id),
    duration: jsonb('duration'),
    acceptanceDueAt: timestamp('acceptance_due_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    firstDueAt: timestamp('first_due_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    resultNumber: text('result_number'),
    workflow: jsonb('workflow'),
    currentStep: text('current_step'),
    /** Agencies consulted or coordinating (liên thông) on the dossier: a cache of dossier_tasks for access checks. */
    taskAgencyIds: uuid('task_agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`motcua_normalize(coalesce(code, '') || ' ' || coalesce(applicant->>'name', '') || ' ' || coalesce(applicant->>'phone', ''))`,
    ),
  },
  (t) => [
    unique('dossiers_code_key').on(t.code),
    unique('dossiers_creation_request_key').on(t.createdBy, t.creationRequestId),
    index('dossiers_receiving_idx').on(t.receivingAgencyId, t.status, t.dueAt),
    index('dossiers_competent_idx').on(t.competentAgencyId, t.status, t.dueAt),
    index('dossiers_citizen_idx').on(t.citizenUserId, t.createdAt),
    index('dossiers_status_idx').on(t.status, t.dueAt),
    index('dossiers_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('dossiers_task_agencies_idx').using('gin', t.taskAgencyIds),
    check('dossiers_channel_check', sql`${t.channel} in ('in_person', 'online', 'national_portal', 'post')`),
    check(
      'dossiers_status_check',
      sql`${t.status} in ('submitted', 'refused_at_intake', 'received', 'in_progress', 'awaiting_supplement', 'awaiting_payment', 'approved', 'result_ready', 'returned', 'withdrawn', 'stopped')`,
    ),
    check('dossiers_national_status_check', sql`${t.nationalStatus} between 1 and 10`),
    check('dossiers_code_when_received_check', sql`(${t.code} is null) = (${t.receivedAt} is null)`),
    check('dossiers_created_by_check', sql`${t.createdBy} is not null or ${t.channel} = 'national_portal'`),
  ],
);

/** The append-only action log of a dossier: one row per action, with the client's request id (idempotency). */
export const dossierActions = pgTable(
  'dossier_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorRole: text('actor_role').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    requestId: text('request_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [unique('dossier_actions_seq_key').on(t.dossierId, t.seq), unique('dossier_actions_request_key').on(t.dossierId, t.requestId)],
);

/** Per-agency, per-local-day counter behind dossier codes <agency code>-YYMMDD-XXXX: no gaps, no duplicates. */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    day: date('day', { mode: 'string' }).notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] }), check('dossier_code_counters_value_check', sql`${t.lastValue} between 1 and 9999`)],
);

/**
 * A request from the competent agency to another agency about a dossier: a consultation (xin ý kiến, with its
 * question, deadline and answer — ND 118 Art. 19.4) or a part of inter-agency processing (liên thông, Art. 20),
 * in sequence (one after another) or in parallel.
 */
export const dossierTasks = pgTable(
  'dossier_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    position: smallint('position').notNull(),
    isLead: boolean('is_lead').notNull().default(false),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    request: text('request').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedSeq: integer('requested_seq').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredSeq: integer('answered_seq'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('dossier_tasks_dossier_idx').on(t.dossierId, t.requestedSeq, t.position),
    index('dossier_tasks_open_idx').on(t.agencyId, t.dueAt).where(sql`${t.status} = 'open'`),
    check('dossier_tasks_kind_check', sql`${t.kind} in ('consultation', 'inter_agency')`),
    check('dossier_tasks_mode_check', sql`${t.mode} in ('parallel', 'sequential')`),
    check('dossier_tasks_status_check', sql`${t.status} in ('waiting', 'open', 'answered')`),
    check('dossier_tasks_answer_check', sql`(${t.status} = 'answered') = (${t.answeredAt} is not null)`),
    check('dossier_tasks_opened_check', sql`(${t.status} = 'waiting') = (${t.openedAt} is null)`),
  ],
);

/** Notifications and other side effects, written in the same transaction as the change that causes them. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topic: text('topic').notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.createdAt).where(sql`${t.processedAt} is null`)],
);
