// SQL for the procedure catalogue. Each function takes the database or a transaction first.
import { sql, type SQL } from 'drizzle-orm';
import type { Channel, DurationUnit } from '../../../shared/procedures.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export interface ProcedureSearch {
  q?: string | undefined;
  field?: string | undefined;
  level?: string | undefined;
  agencyId?: string | undefined;
  onlineLevel?: string | undefined;
  onlineLevelOld?: number | undefined;
  page: number;
  pageSize: number;
}

export interface ProcedureListRow {
  id: string;
  code: string | null;
  name: string;
  field: string | null;
  levels: string[];
  onlineLevel: string | null;
  onlineLevelOld: number | null;
  source: string;
  total: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Catalogue search. Every word of `q` must occur in the code, name or field, ignoring diacritics and case;
 * best match first: exact name (with or without "Thủ tục"), exact code, name prefix, then trigram similarity.
 */
export async function searchProcedures(
  db: DbOrTx,
  search: ProcedureSearch,
): Promise<{ items: Omit<ProcedureListRow, 'total'>[]; total: number }> {
  const conditions: SQL[] = [sql`true`];
  const words = (search.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 12);
  for (const word of words) {
    conditions.push(sql`v.search_text LIKE '%' || motcua_normalize(${escapeLike(word)}) || '%'`);
  }
  if (search.field) conditions.push(sql`v.field = ${search.field}`);
  if (search.level) conditions.push(sql`${search.level} = ANY(v.levels)`);
  if (search.onlineLevel) conditions.push(sql`v.online_level = ${search.onlineLevel}`);
  if (search.onlineLevelOld) conditions.push(sql`v.online_level_old = ${search.onlineLevelOld}`);
  if (search.agencyId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM agency_procedures ap WHERE ap.procedure_id = p.id AND ap.agency_id = ${search.agencyId})`,
    );
  }
  const q = words.join(' ');
  const order = q
    ? sql`CASE
            WHEN motcua_normalize(v.name) IN (motcua_normalize(${q}), 'thu tuc ' || motcua_normalize(${q})) THEN 0
            WHEN lower(coalesce(p.national_code, '')) = lower(${q}) THEN 0
            WHEN motcua_normalize(v.name) LIKE motcua_normalize(${escapeLike(q)}) || '%'
              OR motcua_normalize(v.name) LIKE 'thu tuc ' || motcua_normalize(${escapeLike(q)}) || '%' THEN 1
            ELSE 2 END,
          similarity(v.search_text, motcua_normalize(${q})) DESC, length(v.name), p.national_code NULLS LAST`
    : sql`v.field NULLS LAST, v.name, p.id`;
  const rows = await queryRows<ProcedureListRow>(
    db,
    sql`SELECT p.id, p.national_code AS code, v.name, v.field, v.levels, v.online_level AS "onlineLevel",
               v.online_level_old AS "onlineLevelOld", p.source, count(*) OVER ()::int AS total
          FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY ${order}
         LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && search.page > 1) {
    const counted = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id
           WHERE ${sql.join(conditions, sql` AND `)}`,
    );
    total = counted[0]?.n ?? 0;
  }
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

export interface ProcedureDetailRow {
  id: string;
  code: string | null;
  source: string;
  versionId: string;
  version: number;
  name: string;
  field: string | null;
  levels: string[];
  managingMinistry: string | null;
  decision: string | null;
  procedureType: string | null;
  applicantTypes: string[];
  competentAgencyText: string | null;
  implementingAgencyText: string | null;
  coordinatingAgencyText: string | null;
  steps: string | null;
  dossierText: string | null;
  components: { name: string; quantity: string | null }[];
  conditions: string | null;
  result: string | null;
  legalBasis: string | null;
  formsText: string | null;
  onlineLevel: string | null;
  onlineLevelOld: number | null;
  sourceUrl: string | null;
  updatedAt: string;
}

/** The current version of a procedure, or undefined. */
export async function findProcedure(db: DbOrTx, id: string): Promise<ProcedureDetailRow | undefined> {
  const rows = await queryRows<ProcedureDetailRow>(
    db,
    sql`SELECT p.id, p.national_code AS code, p.source, v.id AS "versionId", v.version, v.name, v.field, v.levels,
               v.managing_ministry AS "managingMinistry", v.decision, v.procedure_type AS "procedureType",
               v.applicant_types AS "applicantTypes", v.competent_agency_text AS "competentAgencyText",
               v.implementing_agency_text AS "implementingAgencyText", v.coordinating_agency_text AS "coordinatingAgencyText",
               v.steps, v.dossier_text AS "dossierText", v.components, v.conditions, v.result, v.legal_basis AS "legalBasis",
               v.forms_text AS "formsText", v.online_level AS "onlineLevel", v.online_level_old AS "onlineLevelOld",
               v.source_url AS "sourceUrl", p.updated_at AS "updatedAt"
          FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id
         WHERE p.id = ${id}`,
  );
  return rows[0];
}

export interface ChannelOptionRow {
  variantId: string;
  variantName: string;
  isDefault: boolean;
  channel: Channel;
  durationValue: number | string | null;
  durationUnit: DurationUnit | null;
  durationText: string | null;
  feeText: string | null;
  feeAmountsVnd: (number | string)[];
  isFree: boolean;
  note: string | null;
}

export function listChannelOptions(db: DbOrTx, versionId: string): Promise<ChannelOptionRow[]> {
  return queryRows<ChannelOptionRow>(
    db,
    sql`SELECT va.id AS "variantId", va.name AS "variantName", va.is_default AS "isDefault", o.channel,
               o.duration_value AS "durationValue", o.duration_unit AS "durationUnit", o.duration_text AS "durationText",
               o.fee_text AS "feeText", o.fee_amounts_vnd AS "feeAmountsVnd", o.is_free AS "isFree", o.note
          FROM procedure_variants va JOIN procedure_channel_options o ON o.variant_id = va.id
         WHERE va.version_id = ${versionId}
         ORDER BY va.seq, o.seq`,
  );
}

export interface ProcedureAgencyRow {
  id: string;
  name: string;
  code: string | null;
  type: string;
  unitCode: string;
  role: string;
  total: number;
}

export function listProcedureAgencies(db: DbOrTx, procedureId: string, limit = 50) {
  return queryRows<ProcedureAgencyRow>(
    db,
    sql`SELECT a.id, a.name, a.code, a.type, a.unit_code AS "unitCode", ap.role, count(*) OVER ()::int AS total
          FROM agency_procedures ap JOIN agencies a ON a.id = ap.agency_id
         WHERE ap.procedure_id = ${procedureId}
         ORDER BY a.type, a.name LIMIT ${limit}`,
  );
}

/** Fields (lĩnh vực) of the current catalogue with their procedure counts. */
export function listFields(db: DbOrTx) {
  return queryRows<{ field: string; count: number }>(
    db,
    sql`SELECT v.field, count(*)::int AS count FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id
         WHERE v.field IS NOT NULL GROUP BY v.field ORDER BY v.field`,
  );
}

/** Procedures whose current version has this national code (mã TTHC), and whether the agency handles each. */
export function listProceduresByNationalCode(db: DbOrTx, nationalCode: string, agencyId: string): Promise<{ id: string; offered: boolean }[]> {
  return queryRows<{ id: string; offered: boolean }>(
    db,
    sql`SELECT p.id, EXISTS (SELECT 1 FROM agency_procedures ap WHERE ap.procedure_id = p.id AND ap.agency_id = ${agencyId}) AS offered
          FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id
         WHERE v.national_code = ${nationalCode}
         ORDER BY offered DESC, p.id`,
  );
}
