// The database schema: source of truth for drizzle-kit's generated migrations (see docs/DATABASE.md).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One version of an administrative unit, valid on [valid_from, valid_to). Codes are reused across reforms. */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    level: text('level').notNull(),
    type: text('type').notNull(),
    typeName: text('type_name').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    parentCode: text('parent_code'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source').notNull(),
    searchText: text('search_text').generatedAlwaysAs(sql`motcua_normalize(full_name)`),
  },
  (t) => [
    unique('admin_units_code_valid_from_key').on(t.code, t.validFrom),
    index('admin_units_parent_idx').on(t.parentCode, t.validFrom),
    index('admin_units_code_idx').on(t.code),
    index('admin_units_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('admin_units_level_check', sql`${t.level} in ('province', 'district', 'commune')`),
    check(
      'admin_units_type_check',
      sql`${t.type} in ('province', 'municipality', 'rural_district', 'urban_district', 'district_town', 'provincial_city', 'municipal_city', 'commune', 'ward', 'township', 'special_zone')`,
    ),
    check('admin_units_valid_range_check', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    check('admin_units_parent_check', sql`(${t.level} = 'province') = (${t.parentCode} is null)`),
  ],
);

/** Old unit → new unit after a reorganisation (full: the whole old unit went there; partial: a part of it). */
export const adminUnitSuccessions = pgTable(
  'admin_unit_successions',
  {
    oldUnitId: uuid('old_unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    newUnitId: uuid('new_unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    mergeType: text('merge_type').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldUnitId, t.newUnitId] }),
    index('admin_unit_successions_new_idx').on(t.newUnitId),
    check('admin_unit_successions_merge_type_check', sql`${t.mergeType} in ('full', 'partial')`),
  ],
);

/** Problems the last unit import found in the source files (kept so an administrator can review them). */
export const importIssues = pgTable(
  'import_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importKind: text('import_kind').notNull(),
    sourceFile: text('source_file').notNull(),
    line: integer('line'),
    severity: text('severity').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('import_issues_kind_idx').on(t.importKind, t.createdAt),
    check('import_issues_severity_check', sql`${t.severity} in ('warning', 'error')`),
  ],
);

/** A state agency (cơ quan, đơn vị) with its electronic code (QĐ 20/2020) and an explicit parent. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code'),
    isCodePlaceholder: boolean('is_code_placeholder').notNull().default(false),
    name: text('name').notNull(),
    type: text('type').notNull(),
    unitCode: text('unit_code').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    seedKey: text('seed_key'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchText: text('search_text').generatedAlwaysAs(sql`motcua_normalize(name)`),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'agencies_parent_fk' }),
    unique('agencies_code_key').on(t.code),
    unique('agencies_seed_key_key').on(t.seedKey),
    index('agencies_unit_idx').on(t.unitCode),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('agencies_code_format_check', sql`${t.code} is null or ${t.code} ~ '^[0-9A-Z.]{1,35}$'`),
    check(
      'agencies_type_check',
      sql`${t.type} in ('province_committee', 'department', 'district_committee', 'commune_committee', 'service_centre', 'one_stop_desk', 'vertical_agency', 'ministry', 'other')`,
    ),
  ],
);

/** A procedure (TTHC) as a stable identity; its content lives in versions. */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    sourceKey: text('source_key').notNull(),
    nationalCode: text('national_code'),
    currentVersionId: uuid('current_version_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('procedures_source_key_key').on(t.source, t.sourceKey),
    index('procedures_national_code_idx').on(t.nationalCode),
    check('procedures_source_check', sql`${t.source} in ('dvcqg', 'hanoi_ict_2022', 'manual')`),
  ],
);

/** One immutable version of a procedure's content; dossiers keep the version they were filed under. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    nationalCode: text('national_code'),
    name: text('name').notNull(),
    field: text('field'),
    levels: text('levels').array().notNull(),
    managingMinistry: text('managing_ministry'),
    decision: text('decision'),
    procedureType: text('procedure_type'),
    applicantTypes: text('applicant_types').array().notNull(),
    competentAgencyText: text('competent_agency_text'),
    implementingAgencyText: text('implementing_agency_text'),
    coordinatingAgencyText: text('coordinating_agency_text'),
    steps: text('steps'),
    dossierText: text('dossier_text'),
    components: jsonb('components').notNull(),
    conditions: text('conditions'),
    result: text('result'),
    legalBasis: text('legal_basis'),
    formsText: text('forms_text'),
    onlineLevelOld: smallint('online_level_old'),
    onlineLevel: text('online_level'),
    sourceUrl: text('source_url'),
    raw: jsonb('raw').notNull(),
    createdAt: createdAt(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`motcua_normalize(coalesce(national_code, '') || ' ' || name || ' ' || coalesce(field, ''))`,
    ),
  },
  (t) => [
    unique('procedure_versions_procedure_version_key').on(t.procedureId, t.version),
    index('procedure_versions_field_idx').on(t.field),
    index('procedure_versions_procedure_idx').on(t.procedureId),
    index('procedure_versions_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('procedure_versions_levels_idx').using('gin', t.levels),
    check(
      'procedure_versions_online_level_old_check',
      sql`${t.onlineLevelOld} is null or ${t.onlineLevelOld} between 1 and 4`,
    ),
    check(
      'procedure_versions_online_level_check',
      sql`${t.onlineLevel} is null or ${t.onlineLevel} in ('full', 'partial')`,
    ),
  ],
);

/** A case (trường hợp) of a procedure version with its own durations and fees; every version has a default one. */
export const procedureVariants = pgTable(
  'procedure_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => procedureVersions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull(),
  },
  (t) => [unique('procedure_variants_version_seq_key').on(t.versionId, t.seq)],
);

/** How a variant can be filed (in person, online, post): its legal duration and fees on that channel. */
export const procedureChannelOptions = pgTable(
  'procedure_channel_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => procedureVariants.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    channel: text('channel').notNull(),
    durationValue: numeric('duration_value', { mode: 'number' }),
    durationUnit: text('duration_unit'),
    durationText: text('duration_text'),
    feeText: text('fee_text'),
    feeAmountsVnd: bigint('fee_amounts_vnd', { mode: 'number' }).array().notNull(),
    isFree: boolean('is_free').notNull(),
    note: text('note'),
  },
  (t) => [
    unique('procedure_channel_options_variant_seq_key').on(t.variantId, t.seq),
    check('procedure_channel_options_channel_check', sql`${t.channel} in ('in_person', 'online', 'post')`),
    check(
      'procedure_channel_options_unit_check',
      sql`${t.durationUnit} is null or ${t.durationUnit} in ('hours', 'working_hours', 'working_days', 'calendar_days', 'months')`,
    ),
    check(
      'procedure_channel_options_duration_check',
      sql`${t.durationValue} is null or ${t.durationValue} >= 0`,
    ),
  ],
);

/** Which agency receives or implements which procedure (the province's published catalogue per agency). */
export const agencyProcedures = pgTable(
  'agency_procedures',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.procedureId] }),
    index('agency_procedures_procedure_idx').on(t.procedureId),
    check('agency_procedures_role_check', sql`${t.role} in ('implementing', 'competent', 'receiving')`),
  ],
);

/** Key-value facts about this installation (e.g. when the first-start seed finished). */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The legal clock's settings of a province; `version` moves on every calendar change (cache key, concurrency). */
export const calendarSettings = pgTable('calendar_settings', {
  provinceCode: text('province_code').primaryKey(),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A dated entry an administrator adds to a province's calendar: an announced day off, make-up Saturday or swap. */
export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    legalReference: text('legal_reference').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    removedBy: text('removed_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason'),
  },
  (t) => [
    index('calendar_entries_province_date_idx').on(t.provinceCode, t.date),
    check('calendar_entries_kind_check', sql`${t.kind} in ('holiday', 'compensatory_day_off', 'day_off', 'make_up_workday')`),
    check('calendar_entries_removed_check', sql`(${t.removedAt} is null) = (${t.removedBy} is null)`),
  ],
);

/** A province's calendar year as confirmed by an administrator: the frozen non-ordinary days it takes effect with. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    days: jsonb('days').notNull(),
    confirmedBy: text('confirmed_by').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.year] }), check('calendar_years_year_check', sql`${t.year} between 1990 and 2200`)],
);

/** Who changed what in a province's calendar, when and why. Append-only. */
export const calendarChanges = pgTable(
  'calendar_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    year: integer('year'),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
    details: jsonb('details').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_changes_province_idx').on(t.provinceCode, t.at),
    check('calendar_changes_action_check', sql`${t.action} in ('settings_updated', 'entry_added', 'entry_removed', 'year_confirmed')`),
  ],
);

/** A person who signs in: an officer (roles per agency in officer_roles) or a citizen. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('users_username_key').on(t.username),
    check('users_kind_check', sql`${t.kind} in ('officer', 'citizen')`),
    check('users_username_check', sql`${t.username} = lower(${t.username})`),
  ],
);

/** An officer's role in one agency; one person may hold several roles in several agencies. */
export const officerRoles = pgTable(
  'officer_roles',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.agencyId, t.role] }),
    index('officer_roles_agency_idx').on(t.agencyId, t.role),
    check('officer_roles_role_check', sql`${t.role} in ('desk', 'handler', 'leader', 'clerk', 'agency_admin', 'province_admin')`),
  ],
);

/** A signed-in session: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

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

/** Notifications and other side effects, written in the same transaction as the change that causes them. */
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

/** A version of a procedure's internal workflow (quy trình nội bộ); one active version per procedure and variant. */
export const workflows = pgTable(
  'workflows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    variantKey: text('variant_key').notNull().default(''),
    version: integer('version').notNull(),
    steps: jsonb('steps').notNull(),
    isActive: boolean('is_active').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    note: text('note'),
  },
  (t) => [
    unique('workflows_procedure_version_key').on(t.procedureId, t.variantKey, t.version),
    uniqueIndex('workflows_one_active_idx').on(t.procedureId, t.variantKey).where(sql`${t.isActive}`),
  ],
);

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
