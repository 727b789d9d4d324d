// The full rebuild split over parts gives exactly the rows of the sequential one: synthetic histories written in
// bulk, the aggregates rebuilt with 1 part and with 3 parts (worker threads on PostgreSQL in CI, in-process parts on
// PGlite, both merging packed partial sums), each equal to the sums of the per-dossier contributions read the plain
// way (one dossier and its log at a time, accumulated by key); and the keys and index are back after the swap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { queryRows } from '../../db/client.ts';
import { dossierActions, dossiers } from '../../db/schema.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import { accumulate, calendarForCounts, contribution, COUNTED_ACTIONS, COUNTED_COLUMNS, type KeyedRow } from './day-counts.ts';
import { eachCountedDossier, monthRowsOffTheirDays, rebuildDayCounts, storedDayCounts } from './rebuild.ts';
import { loadSyntheticDossiers } from './synthetic-load.ts';

const sorted = (rows: Map<string, unknown>) => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('full rebuild in parallel parts', () => {
  const clock = fixedClock('2027-01-05T03:00:00Z');
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  before(async () => {
    life = await setupLifecycle(clock);
    await loadSyntheticDossiers(life.ctx.deps.db, { provinceCode: '01', dossiers: 700, seed: 61, year: 2026, rebuild: false });
  });
  after(() => life.close());

  it('writes the same rows with 1 part and with 3 parts as the per-dossier sums', async () => {
    const db = life.ctx.deps.db;
    // The reference: each received dossier read on its own, its contribution accumulated by key.
    const expected = new Map<string, KeyedRow>();
    const rows = await db.select(COUNTED_COLUMNS).from(dossiers).where(isNotNull(dossiers.receivedAt));
    for (const dossier of rows) {
      const actions = await db.select().from(dossierActions).where(eq(dossierActions.dossierId, dossier.id)).orderBy(asc(dossierActions.seq));
      const log: ActionRecord[] = actions.map((a) => ({ type: a.type as ActionRecord['type'], at: a.at.getTime(), actorId: a.actorId, payload: a.payload as Record<string, unknown> }));
      accumulate(expected, contribution(await calendarForCounts(db, dossier), dossier, log));
    }
    for (const [key, row] of expected) if (row.value === 0) expected.delete(key);
    assert.ok(expected.size > 1000, `${expected.size} rows`);

    // The rebuild reads each dossier as one JSON value: the same COUNTED_COLUMNS values as Drizzle's reading, and the
    // log's COUNTED_ACTIONS (the rows below are still checked against contributions of whole logs).
    const visited = new Map<string, unknown>();
    await eachCountedDossier(db, (dossier, log) => visited.set((dossier as typeof dossier & { id: string }).id, { dossier, types: log.map((a) => [a.type, a.at, a.payload]) }));
    assert.equal(visited.size, rows.length);
    for (const dossier of rows) {
      const actions = await db.select().from(dossierActions).where(eq(dossierActions.dossierId, dossier.id)).orderBy(asc(dossierActions.seq));
      const counted = actions.filter((a) => COUNTED_ACTIONS.has(a.type as ActionRecord['type']));
      assert.deepEqual(visited.get(dossier.id), { dossier, types: counted.map((a) => [a.type, a.at.getTime(), a.payload]) });
    }

    let progress = 0;
    // The table starts empty (loaded without aggregates): every pair differs, so every row is written in bulk.
    const written = await rebuildDayCounts(db, (done) => (progress = done), { workers: 1, chunk: 90 });
    assert.equal(written.rows, expected.size);
    assert.equal(written.mode, 'rewritten');
    assert.equal(written.rowsWritten, expected.size);
    assert.equal(progress, rows.length);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(expected));

    const parallel = await rebuildDayCounts(db, (done) => (progress = done), { workers: 3, chunk: 90 });
    // Now the rows are right: compared, nothing written.
    assert.deepEqual({ ...parallel, pairs: 0 }, { rows: expected.size, mode: 'compared', pairs: 0, pairsRepaired: 0, rowsWritten: 0, agenciesRepaired: 0 });
    assert.equal(parallel.pairs, written.pairs);
    assert.equal(progress, rows.length);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(expected));

    const [fks] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'indicator_day_counts'::regclass AND contype = 'f'`,
    );
    assert.equal(fks!.n, 2);
    const [keys] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'indicator_day_counts' AND (indexname LIKE '%_pk' OR indexname = 'indicator_day_counts_procedure_idx')`,
    );
    assert.equal(keys!.n, 2);
  });

  it('repairs exactly the pairs that differ: a changed value, a lost pair, a stray pair, a wrong province, a month row off its days', async () => {
    const db = life.ctx.deps.db;
    const before = await storedDayCounts(db);
    const pairs = await queryRows<{ agency_id: string; procedure_id: string; n: number }>(
      db,
      sql`SELECT agency_id, procedure_id, count(*)::int AS n FROM indicator_day_counts GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 3`,
    );
    const [changed, lost, moved] = pairs as [(typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number]];
    await db.execute(sql`UPDATE indicator_day_counts SET value = value + 5
      WHERE (agency_id, procedure_id, day, measure) = (SELECT agency_id, procedure_id, day, measure FROM indicator_day_counts
        WHERE agency_id = ${changed.agency_id} AND procedure_id = ${changed.procedure_id} ORDER BY day, measure LIMIT 1)`);
    await db.execute(sql`DELETE FROM indicator_day_counts WHERE agency_id = ${lost.agency_id} AND procedure_id = ${lost.procedure_id}`);
    // Rows filed under another province than their agency's (their values right).
    await db.execute(sql`UPDATE indicator_day_counts SET province_code = '79' WHERE agency_id = ${moved.agency_id} AND procedure_id = ${moved.procedure_id}`);
    // A pair no dossier has (another procedure of the same agency), and a month row of an agency that no day row explains.
    const [stray] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM procedures WHERE id NOT IN (SELECT procedure_id FROM indicator_day_counts) ORDER BY id LIMIT 1`,
    );
    await db.execute(sql`INSERT INTO indicator_day_counts (province_code, agency_id, procedure_id, day, measure, value)
      VALUES ('01', ${changed.agency_id}, ${stray!.id}, '2026-05-04', 'received_online', 3)`);
    const [off] = await queryRows<{ agency_id: string }>(
      db,
      sql`UPDATE indicator_month_counts SET value = value - 1
        WHERE (agency_id, month, measure) = (SELECT agency_id, month, measure FROM indicator_month_counts WHERE agency_id <> ${changed.agency_id} AND agency_id <> ${lost.agency_id} ORDER BY 1, 2, 3 LIMIT 1)
        RETURNING agency_id`,
    );
    assert.notDeepEqual(sorted(await storedDayCounts(db)), sorted(before));
    assert.ok((await monthRowsOffTheirDays(db)).length > 0);

    // One stored pair per FETCH: the compare reads the table in many pieces (1,000 pairs each by default), the last
    // FETCH empty (the count is a multiple of the size).
    const repaired = await rebuildDayCounts(db, undefined, { workers: 2, chunk: 90, pairsPerFetch: 1 });
    assert.equal(repaired.mode, 'compared');
    assert.equal(repaired.pairsRepaired, 4);
    assert.equal(repaired.rowsWritten, changed.n + lost.n + moved.n);
    // The agencies of the repaired pairs (the stray pair is of the first one's) and the one whose month row was off.
    assert.equal(repaired.agenciesRepaired, new Set([changed.agency_id, lost.agency_id, moved.agency_id, off!.agency_id]).size);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(before));
    assert.deepEqual(await monthRowsOffTheirDays(db), []);

    // Forced rewrite: the same rows, every one written.
    const rewritten = await rebuildDayCounts(db, undefined, { workers: 1, rewrite: true });
    assert.equal(rewritten.mode, 'rewritten');
    assert.equal(rewritten.rowsWritten, before.size);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(before));
    assert.deepEqual(await monthRowsOffTheirDays(db), []);
  });
});
