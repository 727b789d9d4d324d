// The read side of the full rebuild: received dossiers in chunks of consecutive ids, each chunk ONE query returning the
// dossier columns the aggregates depend on (the COUNTED_COLUMNS select map, as Drizzle renders and decodes it) with
// the action log aggregated per dossier (json_agg in seq order), the next chunk's query sent before the current one is counted.
// Plain SQL on both engines; used in-process (PGlite, one worker) and by each worker thread (rebuild-worker.ts).
import { and, asc, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { dossiers } from '../../db/schema.ts';
import { calendarForCounts, COUNTED_COLUMNS, type CountedDossier } from './day-counts.ts';

/** Dossiers per chunk (one query each). */
export const CHUNK = 5000;

/** The ids (exclusive, inclusive) bounding a chunk; null = open end. */
export interface IdRange {
  after: string | null;
  upTo: string | null;
}

// The log as [type, at (ms), actorId, payload] per action, oldest first, next to exactly the COUNTED_COLUMNS.
type RawLog = [string, number, string | null, Record<string, unknown>][] | string | null;
const selection = {
  ...COUNTED_COLUMNS,
  countedLog: sql<RawLog>`(SELECT json_agg(json_build_array(a.type, (extract(epoch FROM a.at) * 1000)::float8, a.actor_id, a.payload) ORDER BY a.seq)
     FROM dossier_actions a WHERE a.dossier_id = "dossiers"."id")`,
};

/** Ranges of about `size` received dossiers each that together cover every id. */
export async function chunkRanges(db: DbOrTx, size = CHUNK): Promise<IdRange[]> {
  const bounds = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM dossiers WHERE received_at IS NOT NULL) x
         WHERE rn % ${size} = 0 ORDER BY id`,
  );
  const ranges: IdRange[] = [];
  let after: string | null = null;
  for (const { id } of bounds) {
    ranges.push({ after, upTo: id });
    after = id;
  }
  ranges.push({ after, upTo: null });
  return ranges;
}

function readChunk(db: DbOrTx, range: IdRange) {
  return db
    .select(selection)
    .from(dossiers)
    .where(and(isNotNull(dossiers.receivedAt), range.after === null ? undefined : gt(dossiers.id, range.after), range.upTo === null ? undefined : lte(dossiers.id, range.upTo)))
    .orderBy(asc(dossiers.id));
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
 * Visits every received dossier of the ranges, in id order within each, with its log and calendar (the province's,
 * from its year of receipt, as the incremental upkeep). `onChunk` gets the number of dossiers of each chunk done.
 */
export async function visitRanges(db: DbOrTx, ranges: readonly IdRange[], visit: Visit, onChunk?: (dossiers: number) => void): Promise<void> {
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
