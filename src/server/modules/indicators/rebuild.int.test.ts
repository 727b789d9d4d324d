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
import { accumulate, calendarForCounts, contribution, COUNTED_COLUMNS, type KeyedRow } from './day-counts.ts';
import { rebuildDayCounts, storedDayCounts } from './rebuild.ts';
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

    let progress = 0;
    const written = await rebuildDayCounts(db, (done) => (progress = done), { workers: 1, chunk: 90 });
    assert.equal(written, expected.size);
    assert.equal(progress, rows.length);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(expected));

    const parallel = await rebuildDayCounts(db, (done) => (progress = done), { workers: 3, chunk: 90 });
    assert.equal(parallel, expected.size);
    assert.equal(progress, rows.length);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(expected));

    const [fks] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'indicator_day_counts'::regclass AND contype = 'f'`,
    );
    assert.equal(fks!.n, 2);
    const [keys] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'indicator_day_counts' AND (indexname LIKE '%_pk' OR indexname = 'indicator_day_counts_province_idx')`,
    );
    assert.equal(keys!.n, 2);
  });
});
