// The read side of the full rebuild: received dossiers in chunks of neighbouring heap blocks, each chunk ONE query
// returning ONE JSON value: per dossier the columns the aggregates depend on (COUNTED_COLUMNS; rebuild.int.test.ts
// checks the decoded dossiers equal Drizzle's reading of them) and its action log, the next chunk's query sent before
// the current one is counted. Plain SQL on both engines; used in-process (PGlite, one worker) and by each worker
// thread (rebuild-worker.ts).
import { sql } from 'drizzle-orm';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { calendarForCounts, type CountedDossier } from './day-counts.ts';

/** Dossiers per chunk (one query each). */
export const CHUNK = 5000;

/**
 * A chunk: the dossiers stored in heap blocks [fromBlock, toBlock) of the dossiers table (toBlock null = to the end).
 * Read in storage order, a chunk's dossiers and (written with them) their actions sit on neighbouring pages; in id
 * order (random UUIDs) every dossier would be on another page (measured at 1 M dossiers: the reads dominated).
 */
export interface ChunkRange {
  fromBlock: number;
  toBlock: number | null;
}

/** Block ranges of about `size` dossiers each that together cover the whole table (rows added meanwhile included). */
export async function chunkRanges(db: DbOrTx, size = CHUNK): Promise<ChunkRange[]> {
  const [stats] = await queryRows<{ blocks: number; dossiers: number }>(
    db,
    sql`SELECT (pg_relation_size('dossiers') / current_setting('block_size')::int)::int AS blocks, (SELECT count(*) FROM dossiers)::int AS dossiers`,
  );
  const blocks = Number(stats?.blocks ?? 0);
  const step = Math.max(1, Math.floor((size * blocks) / Math.max(1, Number(stats?.dossiers ?? 0))));
  const ranges: ChunkRange[] = [];
  for (let from = 0; from + step < blocks; from += step) ranges.push({ fromBlock: from, toBlock: from + step });
  ranges.push({ fromBlock: ranges.length * step, toBlock: null });
  return ranges;
}

/**
 * One dossier as the chunk query returns it: exactly the COUNTED_COLUMNS (receipt in ms, the online level looked up
 * from the version afterwards) and its log as [type, at (ms), seq, payload (null when empty)] per action.
 */
type RawDossier = [string, string, string, string, string, unknown, number, string, unknown, unknown, [string, number, number, Record<string, unknown> | null][] | null];

/**
 * A chunk as ONE JSON value (one row, parsed by one JSON.parse): per-row decoding in the driver and the ORM cost as
 * much as counting (measured at 1 M dossiers). The actions come in index order (dossier, seq), sorted again below if not.
 */
async function readChunk(db: DbOrTx, range: ChunkRange): Promise<RawDossier[]> {
  const tid = (block: number) => sql.raw(`'(${Math.floor(block)},0)'::tid`);
  const [row] = await queryRows<{ chunk: RawDossier[] | string | null }>(
    db,
    sql`SELECT json_agg(json_build_array(d.id, d.province_code, d.competent_agency_id, d.procedure_id, d.channel, d.duration,
              (extract(epoch FROM d.received_at) * 1000)::float8, d.procedure_version_id, d.fee_lines, d.components,
              (SELECT json_agg(json_build_array(a.type, (extract(epoch FROM a.at) * 1000)::float8, a.seq, CASE WHEN a.payload <> '{}' THEN a.payload END))
                 FROM dossier_actions a WHERE a.dossier_id = d.id))) AS chunk
          FROM dossiers d
         WHERE d.received_at IS NOT NULL AND d.ctid >= ${tid(range.fromBlock)} ${range.toBlock === null ? sql`` : sql`AND d.ctid < ${tid(range.toBlock)}`}`,
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
export function decodeDossier(raw: RawDossier, levels: ReadonlyMap<string, string | null>): { dossier: CountedDossier & { id: string }; log: ActionRecord[] } {
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
 * Visits every received dossier of the ranges, in storage order, with its log and calendar (the province's,
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
