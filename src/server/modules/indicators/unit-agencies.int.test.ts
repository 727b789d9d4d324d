// The agencies behind a unit's indicators, on the real units of data/admin-units (three states and the 2025 ward
// mapping) and Hanoi's seeded agencies: the province takes every agency, a 2025 ward takes its own and those of
// the old wards merged into it (fully or in part), and a reused code does not mix the old and new units.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedAgencies } from '../agencies/seed-agencies.ts';
import { importUnits } from '../units/import-units.ts';
import { queryRows } from '../../db/client.ts';
import type { AppError } from '../../errors.ts';
import { createTestContext, seedPath, type TestContext } from '../../testing/test-deps.ts';
import { agenciesUnderUnit } from './unit-agencies.ts';

describe('agenciesUnderUnit', () => {
  let ctx: TestContext;
  const agencyAt = async (unitCode: string, validTo: string | null) => {
    const rows = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`SELECT id FROM agencies WHERE unit_code = ${unitCode} AND valid_to IS NOT DISTINCT FROM ${validTo}::date`,
    );
    assert.equal(rows.length, 1, `one agency at ${unitCode} valid to ${validTo}`);
    return rows[0]!.id;
  };
  // Hanoi's seeded agencies (the 2025 wards, the old districts) plus, as test fixtures (no official code), the
  // committees of four old wards that a province running the system before the reform would still have dossiers of.
  before(async () => {
    ctx = await createTestContext();
    await importUnits(ctx.deps.db, seedPath('admin-units'));
    await seedAgencies(ctx.deps.db, { provinceCode: '01', date: '2026-03-02', seedDir: seedPath() });
    for (const [code, name] of [['00004', 'Trúc Bạch'], ['00013', 'Quán Thánh'], ['00016', 'Ngọc Hà'], ['00001', 'Phúc Xá']]) {
      await ctx.deps.db.execute(
        sql`INSERT INTO agencies (name, type, unit_code, valid_from, valid_to)
            VALUES (${`UBND phường ${name} (dữ liệu kiểm thử)`}, 'commune_committee', ${code}, '2023-04-10', '2025-07-01')`,
      );
    }
  });
  after(() => ctx.close());

  it('counts every Hanoi agency, old and new, in the province', async () => {
    const all = await queryRows<{ id: string }>(ctx.deps.db, sql`SELECT id FROM agencies ORDER BY id`);
    const province = await agenciesUnderUnit(ctx.deps.db, '01', '2026-03-02');
    assert.equal(province.unit.level, 'province');
    assert.deepEqual(province.agencyIds, all.map((r) => r.id).sort());
  });

  it('rolls the old wards merged into Phường Ba Đình (00004) into it, and only those', async () => {
    const baDinh = await agenciesUnderUnit(ctx.deps.db, '00004', '2026-03-02');
    assert.match(baDinh.unit.name, /Ba Đình/);
    // data/admin-units/ward-mapping-2025-07-01-old-to-new.csv: 00004 Trúc Bạch (full), 00013 Quán Thánh (full),
    // 00016 Ngọc Hà (partial), 00112 Thụy Khuê (partial), …
    const newWard = await agencyAt('00004', null);
    const trucBach = await agencyAt('00004', '2025-07-01');
    const quanThanh = await agencyAt('00013', '2025-07-01');
    const ngocHa = await agencyAt('00016', '2025-07-01');
    for (const id of [newWard, trucBach, quanThanh, ngocHa]) assert.ok(baDinh.agencyIds.includes(id));
    assert.ok(baDinh.partialPredecessors.includes('00016'));
    assert.ok(!baDinh.partialPredecessors.includes('00013'));
    // Quận Ba Đình (001) went in part to many wards: counted in the province, not in each ward.
    assert.ok(!baDinh.partialPredecessors.includes('001'));
    // Phúc Xá (00001) went wholly to Phường Hồng Hà (00097); no department or district is in a ward.
    const phucXa = await agencyAt('00001', '2025-07-01');
    assert.ok(!baDinh.agencyIds.includes(phucXa));
    assert.ok((await agenciesUnderUnit(ctx.deps.db, '00097', '2026-03-02')).agencyIds.includes(phucXa));
    const types = await queryRows<{ type: string }>(
      ctx.deps.db,
      sql`SELECT DISTINCT type FROM agencies WHERE id = ANY(${`{${baDinh.agencyIds.join(',')}}`}::uuid[])`,
    );
    assert.deepEqual(types.map((t) => t.type), ['commune_committee']);
  });

  it('reads a reused code as the unit of that day', async () => {
    // On 01/03/2025, 00004 was Phường Trúc Bạch: only its own agency, not the 2025 ward's.
    const old = await agenciesUnderUnit(ctx.deps.db, '00004', '2025-03-01');
    assert.match(old.unit.name, /Trúc Bạch/);
    assert.deepEqual(old.agencyIds, [await agencyAt('00004', '2025-07-01')]);
  });

  it('names the field of an unknown unit', async () => {
    await assert.rejects(agenciesUnderUnit(ctx.deps.db, '99999', '2026-03-02'), (error: AppError) => {
      assert.equal(error.code, 'INVALID_INPUT');
      assert.equal(JSON.stringify(error.details).includes('query.unitCode'), true);
      return true;
    });
  });
});
