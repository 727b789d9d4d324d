import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from './client.ts';
import { systemState } from './schema.ts';
import { createTestContext, type TestContext } from '../testing/test-deps.ts';

describe('database layer', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  it('runs migrations a second time without changing anything', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.deps.db,
          sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
        )
      )[0]?.n;
    const before = await count();
    await ctx.deps.database.migrate();
    assert.equal(await count(), before);
    assert.ok((before ?? 0) >= 3);
  });

  it("serialises 50 concurrent transactions so none sees or loses another one's writes", async () => {
    await ctx.deps.db.insert(systemState).values({ key: 'counter', value: 0 });
    const increments = Array.from({ length: 50 }, (_, i) =>
      ctx.deps.db
        .transaction(async (tx) => {
          const [row] = await queryRows<{ value: number }>(
            tx,
            sql`SELECT (value)::int AS value FROM system_state WHERE key = 'counter' FOR UPDATE`,
          );
          // Yield to the event loop between read and write: on a shared session this is where interleaving would bite.
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.execute(
            sql`UPDATE system_state SET value = to_jsonb(${(row?.value ?? 0) + 1}::int) WHERE key = 'counter'`,
          );
          if (i % 5 === 0) throw new Error('roll back this one');
        })
        .then(
          () => 'committed',
          () => 'rolled back',
        ),
    );
    const outcomes = await Promise.all(increments);
    const [row] = await queryRows<{ value: number }>(
      ctx.deps.db,
      sql`SELECT (value)::int AS value FROM system_state WHERE key = 'counter'`,
    );
    assert.equal(outcomes.filter((o) => o === 'committed').length, 40);
    assert.equal(row?.value, 40);
  });

  it('normalises Vietnamese text for search: diacritics and case removed, đ becomes d', async () => {
    const [row] = await queryRows<{ n: string; nfd: string }>(
      ctx.deps.db,
      sql`SELECT motcua_normalize('Thủ tục  ĐĂNG KÝ khai sinh, Đường') AS n, motcua_normalize(${'Đăng ký'.normalize('NFD')}) AS nfd`,
    );
    assert.equal(row?.n, 'thu tuc dang ky khai sinh, duong');
    assert.equal(row?.nfd, 'dang ky');
  });
  it('prepares a parameterised statement once per PostgreSQL connection and reuses it (PGlite prepares nothing)', async () => {
    const names = await ctx.deps.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i += 1) {
        const [row] = await queryRows<{ n: number }>(tx, sql`SELECT ${i}::int + 1 AS n /* prepare-probe */`);
        assert.equal(row?.n, i + 1);
      }
      return queryRows<{ name: string }>(tx, sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE ${'%prepare-probe%'} AND statement NOT LIKE ${'%pg_prepared_statements%'}`);
    });
    if (ctx.deps.database.engine === 'postgres') {
      assert.equal(names.length, 1, 'one prepared statement for three executions');
      assert.match(names[0]?.name ?? '', /^m_/);
    } else {
      assert.deepEqual(names, []);
    }
  });
});
