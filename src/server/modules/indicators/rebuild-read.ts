// The read side of the full rebuild: received dossiers in chunks of neighbouring heap blocks, each chunk ONE query returning the
// dossier columns the aggregates depend on (the COUNTED_COLUMNS select map, as Drizzle renders and decodes it) with
// the action log aggregated per dossier (json_agg in seq order), the next chunk's query sent before the current one is counted.
// Plain SQL on both engines; used in-process (PGlite, one worker) and by each worker thread (rebuild-worker.ts).
import { and, isNotNull, sql } from 'drizzle-orm';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { dossiers } from '../../db/schema.ts';
import { calendarForCounts, COUNTED_COLUMNS, type CountedDossier } from './day-counts.ts';

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

// The log as [type, at (ms), actorId, payload] per action, oldest first, next to exactly the COUNTED_COLUMNS.
type RawLog = [string, number, string | null, Record<string, unknown>][] | string | null;
const selection = {
  ...COUNTED_COLUMNS,
  countedLog: sql<RawLog>`(SELECT json_agg(json_build_array(a.type, (extract(epoch FROM a.at) * 1000)::float8, a.actor_id, a.payload) ORDER BY a.seq)
     FROM dossier_actions a WHERE a.dossier_id = "dossiers"."id")`,
};

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

function readChunk(db: DbOrTx, range: ChunkRange) {
  const tid = (block: number) => sql.raw(`'(${Math.floor(block)},0)'::tid`);
  return db
    .select(selection)
    .from(dossiers)
    .where(and(isNotNull(dossiers.receivedAt), sql`ctid >= ${tid(range.fromBlock)}`, range.toBlock === null ? undefined : sql`ctid < ${tid(range.toBlock)}`));
}

type ChunkRow = Awaited<ReturnType<typeof readChunk>>[number];

function decode(row: ChunkRow): { dossier: CountedDossier; log: ActionRecord[] } {
  const { countedLog, ...dossier } = row;
  const entries = typeof countedLog === 'string' ? (JSON.parse(countedLog) as Exclude<RawLog, string>) : countedLog;
  const log: ActionRecord[] = (entries ?? []).map(([type, at, actorId, payload]) => ({ type: type as ActionRecord['type'], at: Number(at), actorId, payload }));
  return { dossier: dossier as CountedDossier, log };
}

export type Visit = (dossier: CountedDossier, log: ActionRecord[], calendar: WorkingCalendar) => void;

/**
 * Visits every received dossier of the ranges, in storage order, with its log and calendar (the province's,
 * from its year of receipt, as the incremental upkeep). `onChunk` gets the number of dossiers of each chunk done.
 */
export async function visitRanges(db: DbOrTx, ranges: readonly ChunkRange[], visit: Visit, onChunk?: (dossiers: number) => void): Promise<void> {
  const calendars = new Map<string, WorkingCalendar>();
  const read = (i: number) => {
    if (i >= ranges.length) return null;
    const rows = readChunk(db, ranges[i]!).then((r) => r);
    rows.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    return rows;
  };
  let next = read(0);
  for (let i = 0; next !== null; i += 1) {
    const rows = await next;
    // The database prepares the next chunk while this one is counted.
    next = read(i + 1);
    for (const raw of rows) {
      const { dossier, log } = decode(raw);
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
