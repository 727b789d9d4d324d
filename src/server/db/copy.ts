// Bulk writes by COPY … FROM STDIN (text format) inside an open transaction, on both engines: node-postgres through
// pg-copy-streams (the rows streamed in pieces, with backpressure), PGlite through its /dev/blob input. One COPY parses
// plain tab-separated text instead of array literals and skips the planner and executor of INSERT … SELECT unnest().
// Used by the full rebuild of the indicators' aggregates when it writes every row (rebuild-write.ts).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from './client.ts';

/** A PGlite transaction as Drizzle holds it: query() with a blob input for COPY … FROM '/dev/blob'. */
interface PgliteQuery {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** Text (in UTF-16 code units, about bytes for these lines) per COPY on PGlite. */
const PGLITE_COPY_BYTES = 32 * 1024 * 1024;

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`COPY: not a plain identifier: ${name}`);
  return name;
};

/**
 * One field of a COPY text line: backslash, tab, newline and carriage return escaped (the format's only specials);
 * null as \N.
 */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : value;
}

/**
 * Writes `pieces` (COPY text lines, each ending in a newline, any number of lines per piece) into `table`'s
 * `columns`, in the transaction `tx` (Drizzle's, on either engine). A bad row fails the COPY and so the transaction.
 * `pgliteBytes`: text per COPY on PGlite (default 32 MB; the tests take a small one).
 */
export async function copyInto(tx: DbOrTx, table: string, columns: readonly string[], pieces: Iterable<string>, options: { pgliteBytes?: number } = {}): Promise<void> {
  const groupBytes = options.pgliteBytes ?? PGLITE_COPY_BYTES;
  const statement = `COPY ${identifier(table)} (${columns.map(identifier).join(', ')}) FROM STDIN`;
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Pool) throw new Error('copyInto needs a transaction (one connection), not the pool');
  if (client instanceof pg.Client) {
    await pipeline(Readable.from(pieces, { objectMode: false }), client.query(copyFrom(statement)));
    return;
  }
  if (client !== null && typeof client === 'object' && typeof (client as PgliteQuery).query === 'function') {
    // One COPY per ~32 MB of lines: the whole text is never held at once (as strings, blob and PGlite's copy of it).
    const fromBlob = statement.replace(/FROM STDIN$/, "FROM '/dev/blob'");
    let group: string[] = [];
    let size = 0;
    const flush = async () => {
      if (group.length > 0) await (client as PgliteQuery).query(fromBlob, [], { blob: new Blob(group) });
      group = [];
      size = 0;
    };
    for (const piece of pieces) {
      group.push(piece);
      if ((size += piece.length) >= groupBytes) await flush();
    }
    await flush();
    return;
  }
  throw new Error('copyInto: unknown database client');
}
