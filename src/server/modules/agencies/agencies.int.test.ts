import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isSeeded, seedCatalogue } from '../../db/seed.ts';
import type { AppError } from '../../errors.ts';
import { createTestContext, getJson, startServer, type TestContext } from '../../testing/test-deps.ts';
import { setAgencyCode } from './set-agency-code.ts';

describe('first-start seed and agencies of Hanoi', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    ctx = await createTestContext({ config: { seedProvinceCode: '01' } });
    await seedCatalogue(ctx.deps);
    server = await startServer(ctx.deps);
  });
  after(async () => {
    await server.stop();
    await ctx.close();
  });

  it('seeds once and skips on later starts', async () => {
    assert.equal(await isSeeded(ctx.deps), true);
    const second = await seedCatalogue(ctx.deps);
    assert.deepEqual(second, { seeded: false });
    assert.deepEqual((await getJson(`${server.url}/api/health`)).body, { status: 'ok' });
  });

  it("gives Hanoi's people's committee its real code and marks every other code as a placeholder", async () => {
    const { body } = await getJson(`${server.url}/api/agencies?unit=01`);
    const committee = body.items.find((a: { type: string }) => a.type === 'province_committee');
    assert.equal(committee.code, '000.00.00.H26');
    assert.equal(committee.isCodePlaceholder, false);
    assert.equal(committee.name, 'UBND thành phố Hà Nội');
    const others = body.items.filter((a: { id: string }) => a.id !== committee.id);
    assert.ok(others.length >= 10);
    assert.ok(
      others.every(
        (a: { code: string; isCodePlaceholder: boolean }) => a.isCodePlaceholder && a.code.startsWith('TMP.'),
      ),
    );
    const departments = others.filter((a: { type: string }) => a.type === 'department');
    assert.ok(
      departments.every((a: { parentId: string }) => a.parentId === committee.id),
      'departments hang under the committee explicitly',
    );
  });

  it("seeds a people's committee for each of the 126 communes", async () => {
    const communes = await getJson(`${server.url}/api/units?date=2026-11-23&parent=01`);
    let committees = 0;
    for (const unit of communes.body.items.slice(0, 5)) {
      const { body } = await getJson(`${server.url}/api/agencies?unit=${unit.code}`);
      assert.equal(body.items.length, 1);
      assert.equal(body.items[0].type, 'commune_committee');
      committees += 1;
    }
    assert.equal(committees, 5);
    const all = await getJson(`${server.url}/api/agencies?q=${encodeURIComponent('ubnd phuong')}`);
    const wards = communes.body.items.filter((u: { type: string }) => u.type === 'ward').length;
    assert.equal(all.body.items.length, wards);
  });

  it('lists the procedures an agency implements', async () => {
    const { body } = await getJson(
      `${server.url}/api/agencies?q=${encodeURIComponent('so thong tin va truyen thong')}`,
    );
    assert.equal(body.items.length, 1);
    const ict = await getJson(`${server.url}/api/procedures?agency=${body.items[0].id}&pageSize=100`);
    assert.equal(ict.body.total, 34);
    const commune = await getJson(`${server.url}/api/agencies?unit=00004`);
    const birth = await getJson(
      `${server.url}/api/procedures?agency=${commune.body.items[0].id}&q=dang%20ky%20khai%20sinh`,
    );
    assert.equal(birth.body.items[0].code, '1.001193');
  });

  it('lets an administrator enter the official code, validated and unique', async () => {
    const { body } = await getJson(`${server.url}/api/agencies?q=${encodeURIComponent('so tu phap')}`);
    const justice = body.items[0];
    await assert.rejects(
      setAgencyCode(ctx.deps.db, { id: justice.id, code: '000.00.xx.H26' }),
      (error: AppError) => {
        assert.equal(error.code, 'INVALID_INPUT');
        assert.equal(error.details.issues?.[0]?.path, 'code');
        return true;
      },
    );
    await assert.rejects(
      setAgencyCode(ctx.deps.db, { id: justice.id, code: '000.00.00.H26' }),
      (error: AppError) => error.code === 'CONFLICT',
    );
    // A well-formed code an administrator would type; not a claim about the real code of this department.
    const updated = await setAgencyCode(ctx.deps.db, { id: justice.id, code: 'TEST.H26.JUSTICE' });
    assert.equal(updated?.isCodePlaceholder, false);
    const again = await getJson(`${server.url}/api/agencies/${justice.id}`);
    assert.equal(again.body.code, 'TEST.H26.JUSTICE');
  });
});
