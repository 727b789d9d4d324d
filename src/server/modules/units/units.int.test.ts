import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import {
  createTestContext,
  getJson,
  seedPath,
  startServer,
  type TestContext,
} from '../../testing/test-deps.ts';
import { importUnits, type ImportUnitsResult } from './import-units.ts';
import { countCommunesOfProvince } from './units.queries.ts';

describe('administrative units from the real statistics-office files', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  let result: ImportUnitsResult;
  before(async () => {
    ctx = await createTestContext();
    result = await importUnits(ctx.deps.db, seedPath('admin-units'));
    server = await startServer(ctx.deps);
  });
  after(async () => {
    await server.stop();
    await ctx.close();
  });

  it('reads every state with the published counts', () => {
    assert.deepEqual(result.states, [
      { date: '2023-04-10', provinces: 63, districts: 705, communes: 10598 },
      { date: '2025-03-01', provinces: 63, districts: 696, communes: 10035 },
      { date: '2025-07-01', provinces: 34, districts: 0, communes: 3321 },
    ]);
  });

  it('answers the same counts from the database for any date in each period', async () => {
    const count = async (date: string, level: string) =>
      (
        await queryRows<{ n: number }>(
          ctx.deps.db,
          sql`SELECT count(*)::int AS n FROM admin_units WHERE level = ${level} AND valid_from <= ${date}::date AND (valid_to IS NULL OR valid_to > ${date}::date)`,
        )
      )[0]?.n;
    assert.deepEqual(
      [
        await count('2024-01-01', 'province'),
        await count('2024-01-01', 'district'),
        await count('2024-01-01', 'commune'),
      ],
      [63, 705, 10598],
    );
    assert.deepEqual(
      [
        await count('2025-05-01', 'province'),
        await count('2025-05-01', 'district'),
        await count('2025-05-01', 'commune'),
      ],
      [63, 696, 10035],
    );
    assert.deepEqual(
      [
        await count('2026-01-01', 'province'),
        await count('2026-01-01', 'district'),
        await count('2026-01-01', 'commune'),
      ],
      [34, 0, 3321],
    );
  });

  it('counts Hanoi communes as 579, then 526, then 126', async () => {
    assert.equal(await countCommunesOfProvince(ctx.deps.db, '01', '2024-06-01'), 579);
    assert.equal(await countCommunesOfProvince(ctx.deps.db, '01', '2025-06-30'), 526);
    assert.equal(await countCommunesOfProvince(ctx.deps.db, '01', '2025-08-01'), 126);
  });

  it("lists Hanoi's 30 districts in 2024 and its 126 communes after the reform over HTTP", async () => {
    const districts = await getJson(`${server.url}/api/units?date=2024-06-01&parent=01`);
    assert.equal(districts.status, 200);
    assert.equal(districts.body.items.length, 30);
    assert.deepEqual(districts.body.items[0], {
      code: '001',
      name: 'Ba Đình',
      fullName: 'Quận Ba Đình',
      type: 'urban_district',
      typeName: 'Quận',
      level: 'district',
      parentCode: '01',
      validFrom: '2023-04-10',
      validTo: '2025-07-01',
    });
    const communes = await getJson(`${server.url}/api/units?date=2025-08-01&parent=01`);
    assert.equal(communes.body.items.length, 126);
    assert.ok(
      communes.body.items.every(
        (u: { parentCode: string; level: string }) => u.parentCode === '01' && u.level === 'commune',
      ),
    );
    const provinces = await getJson(`${server.url}/api/units?date=2025-08-01`);
    assert.equal(provinces.body.items.length, 34);
  });

  it('tells which new commune an old one became, and which old ones a new one came from', async () => {
    // Phường Phúc Xá (00001, Ba Đình) went whole into Phường Hồng Hà (00097).
    const successors = await getJson(`${server.url}/api/units/00001/successors`);
    assert.deepEqual(
      successors.body.items.map((i: { code: string; mergeType: string; effectiveOn: string }) => [
        i.code,
        i.mergeType,
        i.effectiveOn,
      ]),
      [['00097', 'full', '2025-07-01']],
    );
    const predecessors = await getJson(`${server.url}/api/units/00097/predecessors?date=2025-08-01`);
    assert.ok(predecessors.body.items.some((i: { code: string }) => i.code === '00001'));
    const hanoi = await getJson(`${server.url}/api/units/001/successors`);
    assert.ok(hanoi.body.items.length >= 2, 'a district is split across several new communes');
    assert.ok(hanoi.body.items.every((i: { mergeType: string }) => i.mergeType === 'partial'));
  });

  it('reports the two codes on which the mapping disagrees with the unit list, and the communes in no state, with line numbers', () => {
    const warnings = result.issues.filter((i) => i.severity === 'warning').map((i) => i.reason);
    assert.ok(
      warnings.some((r) => r.includes('23737') && r.includes('23938')),
      'Xã Ia Mơ',
    );
    assert.ok(
      warnings.some((r) => r.includes('06970') && r.includes('06978')),
      'Xã Ba Chẽ',
    );
    const errors = result.issues.filter((i) => i.severity === 'error');
    assert.ok(errors.length > 0 && errors.every((i) => typeof i.line === 'number' && i.line > 1));
  });

  it('changes nothing when the same files are imported again', async () => {
    const snapshot = async () =>
      queryRows<{ n: number; s: number }>(
        ctx.deps.db,
        sql`SELECT (SELECT count(*) FROM admin_units)::int AS n, (SELECT count(*) FROM admin_unit_successions)::int AS s`,
      );
    const before = await snapshot();
    const again = await importUnits(ctx.deps.db, seedPath('admin-units'));
    assert.deepEqual(await snapshot(), before);
    assert.equal(again.versions, result.versions);
  });

  it('rejects an impossible date and an unknown code with clear errors', async () => {
    const bad = await getJson(`${server.url}/api/units?date=2025-02-30`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'INVALID_INPUT');
    assert.equal(bad.body.error.details.issues[0].path, 'query.date');
    const malformed = await getJson(`${server.url}/api/units?date=tomorrow&parent=x`);
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body.error.details.issues.map((i: { path: string }) => i.path).sort(), [
      'query.date',
      'query.parent',
    ]);
    const unknown = await getJson(`${server.url}/api/units/99999/successors`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /Không tìm thấy/);
  });
});
