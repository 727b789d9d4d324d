// Schema: Around a dossier: uploaded files, dossiers from the national portal, citizen drafts, ratings.
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.ts';
import { procedures } from './catalogue.ts';
import { dossiers } from './dossiers.ts';

/**
 * An uploaded file. Its bytes live in the file store under storage_key (content-addressed); the row says who
 * uploaded it, what its content really is, and which dossier component it is attached to, if any.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    componentIndex: integer('component_index'),
    /** 'component': a document of the dossier (component_index says which); 'result': the electronic result. */
    purpose: text('purpose').notNull().default('component'),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('files_uploader_idx').on(t.uploadedBy, t.createdAt),
    index('files_dossier_idx').on(t.dossierId, t.componentIndex),
    index('files_storage_key_idx').on(t.storageKey),
    check('files_size_check', sql`${t.size} > 0`),
    check('files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('files_name_check', sql`length(${t.name}) between 1 and 255`),
    check('files_component_index_check', sql`${t.componentIndex} >= 0`),
    check('files_purpose_check', sql`${t.purpose} in ('component', 'result')`),
    check(
      'files_attachment_check',
      sql`(${t.dossierId} is null) = (${t.attachedAt} is null) and (${t.componentIndex} is null) = (${t.dossierId} is null or ${t.purpose} = 'result')`,
    ),
  ],
);

/** A dossier that arrived from the national portal (DVCQG): the portal's dossier code and the payload as sent. */
export const nationalPortalDossiers = pgTable(
  'national_portal_dossiers',
  {
    dossierId: uuid('dossier_id').primaryKey().references(() => dossiers.id),
    portalCode: text('portal_code').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('national_portal_dossiers_code_key').on(t.portalCode)],
);

/** A citizen's unfinished online application: the e-form as last saved, to finish and file later. */
export const dossierDrafts = pgTable(
  'dossier_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    data: jsonb('data').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_drafts_owner_idx').on(t.ownerId, t.updatedAt)],
);

/** The applicant's rating of the service once the result is ready (one per dossier). */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    dossierId: uuid('dossier_id').primaryKey().references(() => dossiers.id),
    ratedBy: uuid('rated_by').notNull().references(() => users.id),
    score: smallint('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [check('dossier_ratings_score_check', sql`${t.score} between 1 and 5`), check('dossier_ratings_comment_check', sql`length(${t.comment}) <= 2000`)],
);
