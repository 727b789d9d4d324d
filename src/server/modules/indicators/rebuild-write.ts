// The write side of the full rebuild: the recounted sums (DayTotals) made the content of indicator_day_counts and
// indicator_month_counts, inside the rebuilding transaction (which holds both tables' lock). Two ways, same result:
// - compare and repair (the usual case): the stored rows are read grouped by (agency, procedure) pair and compared
//   with the sums; only the pairs that differ are deleted and written again, and the month rows of their agencies
//   recomputed. When the upkeep was right, nothing is written: the rebuild is a full recount plus a read.
// - rewrite: TRUNCATE and bulk load every row (indexes and keys dropped and built again), when many pairs differ
//   (a changed counting rule) or when asked (`rewrite: true`).
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { copyInto } from '../../db/copy.ts';
import { withoutForeignKeys, withoutIndexes } from './rebuild-foreign-keys.ts';
import type { DayTotals } from './rebuild-totals.ts';

/** Stored pairs read per FETCH of the compare. */
const STORED_PAIRS_PER_FETCH = 1000;

/** Above this share of the rows in differing pairs, the whole table is rewritten (cheaper than row by row). */
const REWRITE_SHARE = 0.2;

export interface WriteResult {
  /** Non-zero day rows in the table afterwards. */
  rows: number;
  /** 'compared': only differing pairs written; 'rewritten': every row written again. */
  mode: 'compared' | 'rewritten';
  /** (agency, procedure) pairs compared, and those whose rows were replaced (or deleted). */
  pairs: number;
  pairsRepaired: number;
  /** Day rows written (inserted). */
  rowsWritten: number;
  /** Agencies whose month rows were recomputed (all of them when rewritten). */
  agenciesRepaired: number;
}

// A Postgres array literal of simple values (uuids, codes, measure names, integers): each element double-quoted.
const arrayLiteral = (values: readonly (string | number)[]) => `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

/** Writes the sums' rows (only the pairs of `only` when given) by one COPY. Returns the rows. */
async function insertRows(tx: DbOrTx, totals: DayTotals, only?: ReadonlySet<number>): Promise<number> {
  await copyInto(tx, 'indicator_day_counts', ['province_code', 'agency_id', 'procedure_id', 'day', 'measure', 'value'], totals.copyText(only));
  return totals.nonZeroRows(only);
}

/** Month rows of the given agencies (all when null) recomputed from their day rows. */
async function recomputeMonths(tx: DbOrTx, agencies: readonly string[] | null): Promise<void> {
  if (agencies === null) await tx.execute(sql`TRUNCATE indicator_month_counts`);
  else await tx.execute(sql`DELETE FROM indicator_month_counts WHERE agency_id = ANY(${arrayLiteral(agencies)}::uuid[])`);
  const only = agencies === null ? sql`` : sql`WHERE agency_id = ANY(${arrayLiteral(agencies)}::uuid[])`;
  await tx.execute(sql`INSERT INTO indicator_month_counts (province_code, agency_id, month, measure, value)
    SELECT province_code, agency_id, date_trunc('month', day)::date, measure, sum(value)
      FROM indicator_day_counts ${only} GROUP BY 1, 2, 3, 4 HAVING sum(value) <> 0`);
}

/**
 * Replaces every row: TRUNCATE (a fresh table, no per-row check against the old versions), then one COPY of every row. The
 * foreign keys, primary key and indexes are dropped for the load and added back with their exact stored definitions
 * (rebuild-foreign-keys.ts): each key checked once by a join and each index built in one sorted pass, instead of per
 * row (measured at 546 k rows: 20 s with them, 4 s with the index maintained, under 1 s for the rows alone).
 */
async function rewriteAll(tx: DbOrTx, totals: DayTotals): Promise<number> {
  await tx.execute(sql`TRUNCATE indicator_day_counts`);
  const rows = await withoutForeignKeys(tx, ['indicator_day_counts'], () => withoutIndexes(tx, 'indicator_day_counts', () => insertRows(tx, totals)));
  // The month rows are the day rows' sums (see indicatorMonthCounts), recomputed from them in the same transaction.
  await recomputeMonths(tx, null);
  return rows;
}

interface StoredPair {
  a: string;
  p: string;
  /** The least and greatest province of the pair's rows (the same one when right). */
  pmin: string;
  pmax: string;
  /** The pair's rows as `day:measure:value` (day since 1970-01-01), comma-separated, in no order. */
  rows: string;
}

/** Whether the stored rows of a pair are exactly the sums' non-zero rows of it, under the right province. */
function samePair(totals: DayTotals, pair: number, stored: StoredPair): boolean {
  const province = totals.pairName(pair)[0];
  if (stored.pmin !== province || stored.pmax !== province) return false;
  let matched = 0;
  for (const row of stored.rows.split(',')) {
    const first = row.indexOf(':');
    const second = row.indexOf(':', first + 1);
    const value = Number(row.slice(second + 1));
    if (value === 0) continue;
    const measure = totals.measureNumber(row.slice(first + 1, second));
    if (measure === undefined || totals.pairSum(pair, Number(row.slice(0, first)), measure) !== value) return false;
    matched += 1;
  }
  return matched === totals.nonZeroCount(pair);
}

/** Compares the stored day rows with the sums pair by pair and writes only what differs (see the header). */
export async function writeTotals(tx: DbOrTx, totals: DayTotals, options: { rewrite?: boolean; pairsPerFetch?: number } = {}): Promise<WriteResult> {
  const perFetch = Math.max(1, Math.floor(options.pairsPerFetch ?? STORED_PAIRS_PER_FETCH));
  const total = totals.nonZeroRows();
  const rewrite = async (): Promise<WriteResult> => {
    const rows = await rewriteAll(tx, totals);
    const agencies = new Set<string>();
    for (let pair = 0; pair < totals.pairCount; pair += 1) agencies.add(totals.pairName(pair)[1]);
    return { rows, mode: 'rewritten', pairs: totals.pairCount, pairsRepaired: totals.pairCount, rowsWritten: rows, agenciesRepaired: agencies.size };
  };
  if (options.rewrite) return rewrite();

  // One row per stored pair: its provinces (least and greatest: a DISTINCT aggregate would sort every row) and its
  // rows as one text (one aggregate: no reliance on two aggregates seeing a group's rows in the same order; measured
  // as fast as three aggregates of arrays). Read through a cursor, STORED_PAIRS_PER_FETCH pairs at a time, so the
  // texts are never all in memory at once (10 M dossiers over several years: about a gigabyte of them). The hash
  // aggregate gets memory for the pairs' texts (it spills to disk beyond); the settings last until the commit. The
  // cursor is planned for all its rows (a scan and a hash aggregate), not for its first ones (an index scan: 9.6 s
  // instead of 5.5 at 3 M dossiers).
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  await tx.execute(sql`SET LOCAL cursor_tuple_fraction = 1`);
  await tx.execute(sql`DECLARE rebuild_stored_pairs NO SCROLL CURSOR FOR
    SELECT agency_id::text AS a, procedure_id::text AS p, min(province_code) AS pmin, max(province_code) AS pmax,
           string_agg((day - DATE '1970-01-01')::text || ':' || measure || ':' || value::text, ',') AS rows
      FROM indicator_day_counts GROUP BY agency_id, procedure_id`);
  const dirty = new Set<number>();
  const gone: [string, string][] = [];
  const seen = new Set<number>();
  for (;;) {
    const stored = await queryRows<StoredPair>(tx, sql`FETCH ${sql.raw(String(perFetch))} FROM rebuild_stored_pairs`);
    for (const row of stored) {
      const pair = totals.pairNumber(row.a, row.p);
      if (pair === undefined) {
        if (row.rows.split(',').some((r) => Number(r.slice(r.lastIndexOf(':') + 1)) !== 0)) gone.push([row.a, row.p]);
        continue;
      }
      seen.add(pair);
      if (!samePair(totals, pair, row)) dirty.add(pair);
    }
    if (stored.length < perFetch) break;
  }
  await tx.execute(sql`CLOSE rebuild_stored_pairs`); // before a TRUNCATE (a rewrite) of the table it reads
  for (let pair = 0; pair < totals.pairCount; pair += 1) if (!seen.has(pair) && totals.nonZeroCount(pair) > 0) dirty.add(pair);

  if (totals.nonZeroRows(dirty) > REWRITE_SHARE * total) return rewrite();

  const deleted = [...gone, ...[...dirty].map((pair) => totals.pairName(pair).slice(1) as [string, string])];
  if (deleted.length > 0) {
    await tx.execute(sql`DELETE FROM indicator_day_counts d USING unnest(${arrayLiteral(deleted.map(([a]) => a))}::uuid[], ${arrayLiteral(deleted.map(([, p]) => p))}::uuid[]) AS x(a, p)
      WHERE d.agency_id = x.a AND d.procedure_id = x.p`);
  }
  const rowsWritten = dirty.size > 0 ? await insertRows(tx, totals, dirty) : 0;

  // Month rows: those of the agencies just repaired, and of any agency whose stored months differ from the recount.
  const agencies = new Set(deleted.map(([a]) => a));
  const months = totals.monthSums();
  const provinceOf = new Map<string, string>();
  for (let pair = 0; pair < totals.pairCount; pair += 1) {
    const [province, agency] = totals.pairName(pair);
    provinceOf.set(agency, province);
  }
  const storedMonths = await queryRows<{ a: string; province: string; m: string; measure: string; v: string }>(
    tx,
    sql`SELECT agency_id::text AS a, province_code AS province, to_char(month, 'YYYY-MM-DD') AS m, measure, value::text AS v FROM indicator_month_counts`,
  );
  for (const row of storedMonths) {
    const name = `${row.a}|${row.m}|${row.measure}`;
    const province = provinceOf.get(row.a);
    if (Number(row.v) !== (months.get(name) ?? 0) || (province !== undefined && province !== row.province)) agencies.add(row.a);
    months.delete(name);
  }
  for (const name of months.keys()) agencies.add(name.slice(0, name.indexOf('|')));
  if (agencies.size > 0) await recomputeMonths(tx, [...agencies]);
  return { rows: total, mode: 'compared', pairs: totals.pairCount, pairsRepaired: dirty.size + gone.length, rowsWritten, agenciesRepaired: agencies.size };
}

/**
 * Month rows that differ from the sums of their day rows (none when the upkeep is right): agency, month, measure and
 * both values. Checked by the tests after incremental upkeep and after a rebuild.
 */
export async function monthRowsOffTheirDays(db: DbOrTx): Promise<{ agency_id: string; month: string; measure: string; stored: string | null; days: string | null }[]> {
  return queryRows(
    db,
    sql`WITH days AS (
          SELECT agency_id, date_trunc('month', day)::date AS month, measure, sum(value) AS value FROM indicator_day_counts GROUP BY 1, 2, 3
        )
        SELECT coalesce(m.agency_id, d.agency_id) AS agency_id, coalesce(m.month, d.month)::text AS month, coalesce(m.measure, d.measure) AS measure,
               m.value::text AS stored, d.value::text AS days
          FROM indicator_month_counts m FULL JOIN days d ON d.agency_id = m.agency_id AND d.month = m.month AND d.measure = m.measure
         WHERE coalesce(m.value, 0) <> coalesce(d.value, 0)`,
  );
}
