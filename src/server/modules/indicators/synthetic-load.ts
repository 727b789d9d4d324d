// Writes synthetic dossier histories (synthetic-histories.ts) into the database in bulk: the real catalogue and
// agencies of a province are read first, then each batch of dossiers and their action logs is one INSERT … SELECT
// from jsonb_to_recordset (dossiers) feeding the actions through RETURNING, and finally the indicator aggregates are
// rebuilt so they agree with what was written. Works on PostgreSQL and PGlite. `bulk`: one transaction, foreign keys
// checked once at the end, and on PostgreSQL the secondary indexes of dossiers and dossier_actions built once at the end
// (synthetic-indexes.ts) instead of maintained row by row.
import { sql } from 'drizzle-orm';
import { computeDossierClock, type Duration } from '../../../shared/calendar/deadlines.ts';
import { isoFromDay, localDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import { applyAction, initialDossierState, reduceDossier } from '../../../shared/dossiers/reducer.ts';
import { NATIONAL_STATUS } from '../../../shared/dossiers/statuses.ts';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { withoutForeignKeys } from './rebuild-foreign-keys.ts';
import { postgresConnection } from './rebuild-parallel.ts';
import { rebuildDayCounts } from './rebuild.ts';
import { SYNTHETIC_LABEL, syntheticHistories, type SyntheticCatalogue, type SyntheticDossier, type SyntheticOptions } from './synthetic-histories.ts';
import { withoutSecondaryIndexes, type IndexSteps } from './synthetic-indexes.ts';

const BATCH = 2000;
const TABLES = ['dossiers', 'dossier_actions'];

/**
 * The province's real procedures (current version, default case, in-person duration in working days, commune or
 * province level) and the agencies with a code that handle them: commune committees and departments.
 */
export async function loadSyntheticCatalogue(db: DbOrTx, provinceCode: string, maxProcedures = 300): Promise<SyntheticCatalogue> {
  const procedures = await queryRows<{ id: string; version_id: string; value: number; level: 'commune' | 'province' }>(
    db,
    // In the catalogue's own order (source, key), not by the random uuids: the same seed then picks the same
    // procedures, with the same popularity ranks, in every fresh database.
    sql`SELECT id, version_id, value, level FROM (
          SELECT DISTINCT ON (p.id) p.id, p.source, p.source_key, v.id AS version_id, o.duration_value::float8 AS value,
                 CASE WHEN 'commune' = ANY(v.levels) THEN 'commune' ELSE 'province' END AS level
            FROM procedures p
            JOIN procedure_versions v ON v.id = p.current_version_id
            JOIN procedure_variants pv ON pv.version_id = v.id AND pv.is_default
            JOIN procedure_channel_options o ON o.variant_id = pv.id
           WHERE o.duration_unit = 'working_days' AND o.duration_value BETWEEN 1 AND 30
             AND (v.levels && ARRAY['commune', 'province'])
           ORDER BY p.id, o.seq) x
         ORDER BY source, source_key
         LIMIT ${maxProcedures}`,
  );
  const agencies = await queryRows<{ id: string; code: string; type: string }>(
    db,
    sql`SELECT a.id, a.code, a.type FROM agencies a
         WHERE a.code IS NOT NULL AND a.type IN ('commune_committee', 'department')
           AND (a.unit_code = ${provinceCode} OR EXISTS (SELECT 1 FROM admin_units u WHERE u.code = a.unit_code AND u.parent_code = ${provinceCode}))
         ORDER BY a.code`,
  );
  return {
    procedures: procedures.map((p) => ({ id: p.id, versionId: p.version_id, duration: { value: Number(p.value), unit: 'working_days' } as Duration, level: p.level })),
    agencies: {
      commune: agencies.filter((a) => a.type === 'commune_committee').map(({ id, code }) => ({ id, code })),
      province: agencies.filter((a) => a.type === 'department').map(({ id, code }) => ({ id, code })),
    },
  };
}

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/** The dossier row and action rows of one history, as JSON for jsonb_to_recordset. */
function rowsOf(calendar: WorkingCalendar, provinceCode: string, createdBy: string, d: SyntheticDossier) {
  const state = reduceDossier(d.log);
  const clock = computeDossierClock(calendar, { receivedAt: d.receivedAt, duration: d.procedure.duration, pauses: state.pauses, extension: state.extension });
  const requestId = `synthetic-${d.n}`;
  const yymmdd = isoFromDay(localDay(d.receivedAt)).slice(2).replaceAll('-', '');
  const dossier = {
    province_code: provinceCode, code: `${d.agency.code}-${yymmdd}-TH${d.n}`, procedure_id: d.procedure.id, procedure_version_id: d.procedure.versionId,
    channel: d.channel, agency_id: d.agency.id, created_by: createdBy, request_id: requestId,
    applicant: { name: `${SYNTHETIC_LABEL} #${d.n}` }, status: state.status, national_status: NATIONAL_STATUS[state.status],
    duration: d.procedure.duration, received_at: iso(d.receivedAt), starts_at: iso(clock.startsAt), first_due_at: iso(clock.firstDueAt),
    due_at: iso(clock.legalDueAt), finished_at: iso(state.finishedAt), returned_at: iso(state.returnedAt), result_number: state.resultNumber,
  };
  let status: string | null = null;
  // The status after each action, folding the log once.
  let folded = initialDossierState();
  const actions = d.log.map((a, k) => {
    folded = applyAction(folded, a);
    const to = folded.status;
    const row = { rid: requestId, seq: k + 1, type: a.type, role: a.role, at: iso(a.at), request_id: `${requestId}-${k + 1}`, from_status: status, to_status: to, payload: a.payload };
    status = to;
    return row;
  });
  return { dossier, actions };
}

async function insertBatch(db: DbOrTx, dossiers: unknown[], actions: unknown[]): Promise<void> {
  await db.execute(sql`
    WITH d AS (
      INSERT INTO dossiers (province_code, code, procedure_id, procedure_version_id, channel, receiving_agency_id, competent_agency_id,
        returning_agency_id, created_by, creation_request_id, applicant, components, fee_lines, status, national_status, duration,
        received_at, starts_at, first_due_at, due_at, finished_at, returned_at, result_number)
      SELECT x.province_code, x.code, x.procedure_id, x.procedure_version_id, x.channel, x.agency_id, x.agency_id, x.agency_id, x.created_by,
        x.request_id, x.applicant, '[]'::jsonb, '[]'::jsonb, x.status, x.national_status, x.duration,
        x.received_at, x.starts_at, x.first_due_at, x.due_at, x.finished_at, x.returned_at, x.result_number
      FROM jsonb_to_recordset(${JSON.stringify(dossiers)}::jsonb) AS x(province_code text, code text, procedure_id uuid, procedure_version_id uuid,
        channel text, agency_id uuid, created_by uuid, request_id text, applicant jsonb, status text, national_status smallint, duration jsonb,
        received_at timestamptz, starts_at timestamptz, first_due_at timestamptz, due_at timestamptz, finished_at timestamptz,
        returned_at timestamptz, result_number text)
      RETURNING id, creation_request_id, competent_agency_id)
    INSERT INTO dossier_actions (dossier_id, seq, type, actor_role, agency_id, at, request_id, from_status, to_status, payload)
    SELECT d.id, a.seq, a.type, a.role, d.competent_agency_id, a.at, a.request_id, a.from_status, a.to_status, a.payload
      FROM jsonb_to_recordset(${JSON.stringify(actions)}::jsonb) AS a(rid text, seq int, type text, role text, at timestamptz, request_id text,
        from_status text, to_status text, payload jsonb)
      JOIN d ON d.creation_request_id = a.rid`);
}

export interface LoadSyntheticResult {
  dossiers: number;
  actions: number;
  loadMs: number;
  rebuildMs: number;
  aggregateRows: number;
}

/**
 * Generates and writes the histories of one province-year, then rebuilds the aggregates (unless `rebuild: false`).
 * `onBatch` receives each batch of histories as written (tests keep them to compute the expected figures).
 */
export async function loadSyntheticDossiers(
  db: Db,
  options: Omit<SyntheticOptions, 'until'> & {
    provinceCode: string;
    until?: number;
    rebuild?: boolean;
    /**
     * One transaction for the whole load, the foreign keys of dossiers and dossier_actions checked once at the end
     * (rebuild-foreign-keys.ts) instead of per row and, on PostgreSQL, their secondary indexes dropped and built again
     * at the end (synthetic-indexes.ts; `onIndexes` reports both steps): several times faster, but the two tables are
     * locked meanwhile. A failure rolls the whole load back, the dropped keys and indexes included. For an empty,
     * bench or demo database.
     */
    bulk?: boolean;
    /** Dossiers per INSERT (default 2,000). */
    batchSize?: number;
    onProgress?: (done: number) => void;
    /** Each batch of histories once written; an error thrown here aborts the load (the tests use it to fail mid-load). */
    onBatch?: (batch: SyntheticDossier[]) => void;
  } & IndexSteps,
): Promise<LoadSyntheticResult> {
  const batchSize = options.batchSize ?? BATCH;
  const started = performance.now();
  const catalogue = await loadSyntheticCatalogue(db, options.provinceCode);
  const calendar = await loadWorkingCalendar(db, options.provinceCode, options.year, options.year + 1);
  const [creator] = await queryRows<{ id: string }>(db, sql`SELECT id FROM users ORDER BY created_at, id LIMIT 1`);
  if (!creator) throw new Error('No user to record as the creator of synthetic dossiers: seed the demo accounts first');
  const until = options.until ?? Date.parse(`${options.year + 1}-01-01T00:00:00+07:00`);
  let dossiers: unknown[] = [];
  let actions: unknown[] = [];
  let histories: SyntheticDossier[] = [];
  let written = 0;
  let actionCount = 0;
  const flush = async (tx: DbOrTx) => {
    if (dossiers.length === 0) return;
    await insertBatch(tx, dossiers, actions);
    options.onBatch?.(histories);
    written += dossiers.length;
    actionCount += actions.length;
    options.onProgress?.(written);
    dossiers = [];
    actions = [];
    histories = [];
  };
  const writeAll = async (tx: DbOrTx) => {
    for (const history of syntheticHistories(calendar, catalogue, { ...options, until })) {
      const rows = rowsOf(calendar, options.provinceCode, creator.id, history);
      dossiers.push(rows.dossier);
      actions.push(...rows.actions);
      histories.push(history);
      if (dossiers.length >= batchSize) await flush(tx);
    }
    await flush(tx);
  };
  if (options.bulk && postgresConnection(db) !== null) {
    await db.transaction((tx) => withoutSecondaryIndexes(tx, TABLES, () => withoutForeignKeys(tx, TABLES, () => writeAll(tx)), options));
  } else if (options.bulk) await db.transaction((tx) => withoutForeignKeys(tx, TABLES, () => writeAll(tx)));
  else await writeAll(db);
  const loadMs = performance.now() - started;
  const rebuildStarted = performance.now();
  const aggregateRows = options.rebuild === false ? 0 : (await rebuildDayCounts(db)).rows;
  return { dossiers: written, actions: actionCount, loadMs, rebuildMs: performance.now() - rebuildStarted, aggregateRows };
}
