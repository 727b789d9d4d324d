// Schema: The catalogue: dated administrative units, agencies, procedures with their versions, variants and channel options, which agency offers which procedure, and internal workflows.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

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
