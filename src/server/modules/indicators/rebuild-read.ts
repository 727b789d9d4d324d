// The read side of the full rebuild: received dossiers in chunks of id ranges, each chunk ONE query
// returning ONE JSON value: per dossier the columns the aggregates depend on (COUNTED_COLUMNS; rebuild.int.test.ts
// checks the decoded dossiers equal Drizzle's reading of them) and its action log, the next chunk's query sent before
// the current one is counted. Plain SQL on both engines; used in-process (PGlite, one worker) and by each worker
// thread (rebuild-worker.ts).
import { sql } from 'drizzle-orm';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { calendarForCounts, COUNTED_ACTIONS, type CountedDossier } from './day-counts.ts';

/** Only the actions that can change a contribution are read (about half of a log: forwarding, approving, returning are not). */
const COUNTED_TYPES = `{${[...COUNTED_ACTIONS].join(',')}}`;

/** Dossiers per chunk (one query each). */
export const CHUNK = 5000;

/**
 * A chunk: the dossiers whose id is in [fromId, toId) (toId null = to the end). In id order, each dossier's probe of
 * the actions' (dossier, …) index lands next to the previous one: at 3 M dossiers (the index above 1 GB) random probes
 * in storage order cost PostgreSQL three times as much CPU per dossier as at 1 M, memory-bound; in id order the
 * dossier and action rows are fetched from scattered pages instead, which a server whose shared buffers hold them
 * (docs/BENCHMARKS.md) serves as fast at 3 M as at 1 M.
 */
export interface ChunkRange {
  fromId: string;
  toId: string | null;
}

const ID_BITS = 48; // an even split divides the first 12 hex digits of the uuid space

/** Ids sampled per chunk to place the boundaries. */
const SAMPLES_PER_CHUNK = 20;
const LOWEST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Id ranges of about `size` dossiers each that together cover every id exactly once. The boundaries are taken from a
 * sample of the ids (TABLESAMPLE, about SAMPLES_PER_CHUNK per range), so ranges stay even whatever the ids look like
 * (random today; time-ordered ids would crowd one part of the space); an even split of the uuid space when the
 * sample is too small (a small table).
 */
export async function chunkRanges(db: DbOrTx, size = CHUNK): Promise<ChunkRange[]> {
  const [stats] = await queryRows<{ dossiers: number }>(db, sql`SELECT count(*)::int AS dossiers FROM dossiers`);
  const count = Number(stats?.dossiers ?? 0);
  const parts = Math.max(1, Math.ceil(count / size));
  if (parts === 1) return [{ fromId: LOWEST_ID, toId: null }];
  const percent = Math.min(100, (100 * SAMPLES_PER_CHUNK * parts) / count);
  const sample = (await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM dossiers TABLESAMPLE SYSTEM (${percent})`)).map((r) => r.id).sort();
  const bounds: string[] = [];
  if (sample.length >= parts * 2) {
    // uuids compare as their lower-case hex text, as PostgreSQL orders them.
    for (let k = 1; k < parts; k += 1) {
      const id = sample[Math.floor((k * sample.length) / parts)]!;
      if (id > (bounds.at(-1) ?? LOWEST_ID)) bounds.push(id);
    }
  } else {
    for (let k = 1; k < parts; k += 1) {
      const hex = ((BigInt(k) * (1n << BigInt(ID_BITS))) / BigInt(parts)).toString(16).padStart(ID_BITS / 4, '0');
      bounds.push(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`);
    }
  }
  return [LOWEST_ID, ...bounds].map((fromId, k) => ({ fromId, toId: bounds[k] ?? null }));
}

/**
 * One dossier as the chunk query returns it: exactly the COUNTED_COLUMNS (receipt in ms, the online level looked up
 * from the version afterwards) and its log: the COUNTED_ACTIONS, as [type, at (ms), seq, payload (null when empty)] each.
 */
type RawDossier = [string, string, string, string, string, unknown, number, string, unknown, unknown, [string, number, number, Record<string, unknown> | null][] | null];

/**
 * A chunk as ONE JSON value (one row, parsed by one JSON.parse): per-row decoding in the driver and the ORM cost as
 * much as counting (measured at 1 M dossiers). The actions come in index order (dossier, seq), sorted again below if not.
 */
async function readChunk(db: DbOrTx, range: ChunkRange): Promise<RawDossier[]> {
  const [row] = await queryRows<{ chunk: RawDossier[] | string | null }>(
    db,
    sql`SELECT json_agg(json_build_array(d.id, d.province_code, d.competent_agency_id, d.procedure_id, d.channel, d.duration,
              (extract(epoch FROM d.received_at) * 1000)::float8, d.procedure_version_id, d.fee_lines, d.components,
              (SELECT json_agg(json_build_array(a.type, (extract(epoch FROM a.at) * 1000)::float8, a.seq, CASE WHEN a.payload <> '{}' THEN a.payload END))
                 FROM dossier_actions a WHERE a.dossier_id = d.id AND a.type = ANY(${COUNTED_TYPES}::text[])))) AS chunk
          FROM dossiers d
         WHERE d.received_at IS NOT NULL AND d.id >= ${range.fromId}::uuid ${range.toId === null ? sql`` : sql`AND d.id < ${range.toId}::uuid`}`,
  );
  const chunk = row?.chunk ?? null;
  return typeof chunk === 'string' ? (JSON.parse(chunk) as RawDossier[]) : (chunk ?? []);
}

/** The online level of every procedure version (the COUNTED_COLUMNS subquery, read once instead of per dossier). */
async function onlineLevels(db: DbOrTx): Promise<Map<string, string | null>> {
  const rows = await queryRows<{ id: string; level: string | null }>(db, sql`SELECT id, online_level AS level FROM procedure_versions`);
  return new Map(rows.map((r) => [r.id, r.level]));
}

/** The payload of the actions that have none (most): one shared frozen object, read only. */
const EMPTY: Record<string, unknown> = Object.freeze({});

/** A dossier of a chunk as the incremental upkeep sees it (CountedDossier), with its log oldest first. */
function decodeDossier(raw: RawDossier, levels: ReadonlyMap<string, string | null>): { dossier: CountedDossier & { id: string }; log: ActionRecord[] } {
  const [id, provinceCode, competentAgencyId, procedureId, channel, duration, receivedMs, procedureVersionId, feeLines, components, entries] = raw;
  const actions = entries ?? [];
  if (actions.some((a, i) => i > 0 && a[2] < actions[i - 1]![2])) actions.sort((x, y) => x[2] - y[2]);
  // The actor is not read: nothing the indicators count depends on who acted.
  const log: ActionRecord[] = actions.map(([type, at, , payload]) => ({ type: type as ActionRecord['type'], at, actorId: null, payload: payload ?? EMPTY }));
  const dossier = { id, provinceCode, competentAgencyId, procedureId, channel, duration, receivedAt: new Date(receivedMs), procedureVersionId, feeLines, components, onlineLevel: levels.get(procedureVersionId) ?? null };
  return { dossier, log };
}

export type Visit = (dossier: CountedDossier, log: ActionRecord[], calendar: WorkingCalendar) => void;

/**
 * Visits every received dossier of the ranges (range by range, in no order within one) with its counted actions
 * (COUNTED_ACTIONS, oldest first; the actor is not read) and its calendar (the province's,
 * from its year of receipt, as the incremental upkeep). `onChunk` gets the number of dossiers of each chunk done.
 */
export async function visitRanges(db: DbOrTx, ranges: readonly ChunkRange[], visit: Visit, onChunk?: (dossiers: number) => void): Promise<void> {
  const calendars = new Map<string, WorkingCalendar>();
  const levels = await onlineLevels(db);
  const read = (i: number) => {
    if (i >= ranges.length) return null;
    const rows = readChunk(db, ranges[i]!);
    rows.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    return rows;
  };
  let next = read(0);
  for (let i = 0; next !== null; i += 1) {
    const rows = await next;
    // The database prepares the next chunk while this one is counted: one turn of the event loop lets the query
    // actually go out (the driver sends it after a few awaits), before the synchronous counting below.
    next = read(i + 1);
    await new Promise((resolve) => setImmediate(resolve));
    for (const raw of rows) {
      const { dossier, log } = decodeDossier(raw, levels);
      const calendarKey = `${dossier.provinceCode}:${yearOfDay(localDay((dossier.receivedAt as Date).getTime()))}`;
      let calendar = calendars.get(calendarKey);
      if (!calendar) {
        calendar = await calendarForCounts(db, dossier);
        calendars.set(calendarKey, calendar);
      }
      visit(dossier, log, calendar);
    }
    onChunk?.(rows.length);
  }
}
