import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from './client.ts';
import { copyField, copyInto } from './copy.ts';
import { createTestContext, type TestContext } from '../testing/test-deps.ts';

describe('COPY into a table inside a transaction (db/copy.ts)', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
    await ctx.deps.db.execute(sql`CREATE TABLE copy_probe (n int NOT NULL, label text, at date)`);
  });
  after(() => ctx.close());

  const line = (...fields: (string | number | null)[]) => `${fields.map(copyField).join('\t')}\n`;

  it('writes every line of every piece, special characters and nulls included', async () => {
    const awkward = 'tab\there, back\\slash, new\nline, return\r, Hà Nội, a literal \\N and \\.';
    await ctx.deps.db.transaction(async (tx) => {
      await copyInto(tx, 'copy_probe', ['n', 'label', 'at'], [line(1, awkward, '2026-01-31') + line(2, null, null), line(3, 'ba', '2026-12-31')]);
    });
    const rows = await queryRows<{ n: number; label: string | null; at: string | null }>(ctx.deps.db, sql`SELECT n, label, at::text AS at FROM copy_probe ORDER BY n`);
    assert.deepEqual(rows, [
      { n: 1, label: awkward, at: '2026-01-31' },
      { n: 2, label: null, at: null },
      { n: 3, label: 'ba', at: '2026-12-31' },
    ]);
  });

  it('writes every line once when the text is split into several COPYs (on PGlite, of about pgliteBytes each)', async () => {
    await ctx.deps.db.execute(sql`TRUNCATE copy_probe`);
    const pieces = Array.from({ length: 50 }, (_, k) => line(2 * k, `piece ${k}`, null) + line(2 * k + 1, `piece ${k}`, '2026-06-01'));
    await ctx.deps.db.transaction((tx) => copyInto(tx, 'copy_probe', ['n', 'label', 'at'], pieces, { pgliteBytes: 100 }));
    const [stats] = await queryRows<{ rows: number; numbers: number; dated: number }>(
      ctx.deps.db,
      sql`SELECT count(*)::int AS rows, count(DISTINCT n)::int AS numbers, count(at)::int AS dated FROM copy_probe`,
    );
    assert.deepEqual(stats, { rows: 100, numbers: 100, dated: 50 });
  });

  it('fails the transaction on a bad row and leaves nothing written', async () => {
    await ctx.deps.db.execute(sql`TRUNCATE copy_probe`);
    await assert.rejects(
      ctx.deps.db.transaction(async (tx) => {
        await copyInto(tx, 'copy_probe', ['n', 'label', 'at'], [line(1, 'fine', null), line(2, 'bad date', '2026-02-30')]);
      }),
    );
    assert.deepEqual(await queryRows(ctx.deps.db, sql`SELECT n FROM copy_probe`), []);
  });

  it('refuses the pool of PostgreSQL (COPY needs one connection) and names that are not plain identifiers', async () => {
    await ctx.deps.db.execute(sql`TRUNCATE copy_probe`);
    if (ctx.deps.database.engine === 'postgres') {
      await assert.rejects(copyInto(ctx.deps.db, 'copy_probe', ['n'], [line(1)]), /needs a transaction/);
    } else {
      // PGlite is one session: outside a transaction the COPY is its own statement.
      await copyInto(ctx.deps.db, 'copy_probe', ['n'], [line(1)]);
      assert.deepEqual(await queryRows(ctx.deps.db, sql`SELECT n FROM copy_probe`), [{ n: 1 }]);
    }
    await assert.rejects(ctx.deps.db.transaction((tx) => copyInto(tx, 'copy_probe; DROP TABLE x', ['n'], [line(1)])), /not a plain identifier/);
  });
});
