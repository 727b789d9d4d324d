// GET /api/indicators over real HTTP: a few dossiers with known outcomes at the commune in March 2026, the figures
// computed by hand; the viewer's scope (officers: their agencies; province administrator: all), N/A and bad input.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { seedMarchScenario } from '../../testing/march-scenario.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Lê Thị Báo Cáo', phone: '0912000333', idNumber: '001099000333' };

describe('GET /api/indicators', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 02/03/2026 09:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());
  const march = (agencyId?: string) => `/api/indicators?from=2026-03-01&to=2026-03-12${agencyId ? `&agencyId=${agencyId}` : ''}`;

  before(async () => {
    life = await setupLifecycle(clock);
    await seedMarchScenario(life, at, { applicant: APPLICANT, waybillNumber: 'EV1VN', resultNumber: '7/QĐ-UBND' });
  });
  after(() => life.close());

  it('gives form II.06a and the on-time rate of the commune, computed by hand', async () => {
    const res = await (await life.login('demo.leader')).get(march(life.commune));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.asOf, '2026-03-12');
    assert.deepEqual(res.body.form, {
      received: { total: 4, online: 1, inPersonOrPost: 3, carriedOver: 0 },
      // D early (04/03 against 09/03); A withdrawn counts on time.
      resolved: { total: 2, early: 1, onTime: 1, late: 0 },
      // B awaits its supplement (paused: within); C passed 09/03 09:00.
      pending: { total: 2, withinDeadline: 1, overdue: 1 },
    });
    // Index: D, A and B (ended at its request, before the index date) on time; C late ⇒ 3 of 4 = 75 % ⇒ 15 of 20 points.
    assert.deepEqual(res.body.onTime, { numerator: 3, denominator: 4, rate: 75, points: 15, maxPoints: 20 });
    // A: 8 working hours (02/03 09:00 → 03/03 09:00), D: 16 (02/03 10:00 → 04/03 10:00) ⇒ 12.
    assert.equal(res.body.averageProcessingHours, 12);
    assert.equal(res.body.onlineShare, 25);
    assert.equal(res.body.eResultShare, 0);
  });

  it('counts a running period up to the start of today, and carries open dossiers into the next period', async () => {
    const admin = await life.login('demo.admin');
    const running = await admin.get('/api/indicators?from=2026-03-12&to=2026-04-01');
    assert.equal(running.status, 200);
    assert.equal(running.body.asOf, '2026-03-20');
    assert.equal(running.body.agencyIds, 'all');
    assert.deepEqual(running.body.form.received, { total: 2, online: 0, inPersonOrPost: 0, carriedOver: 2 });
    assert.deepEqual(running.body.form.pending, { total: 2, withinDeadline: 1, overdue: 1 });
  });

  it('answers N/A for an empty period', async () => {
    const res = await (await life.login('demo.leader')).get('/api/indicators?from=2026-01-01&to=2026-02-01');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.onTime, { numerator: 0, denominator: 0, rate: null, points: null, maxPoints: 20 });
    assert.equal(res.body.averageProcessingHours, null);
  });

  it('keeps officers to their agencies and citizens out, and names the wrong field', async () => {
    const admin = await life.login('demo.admin');
    const other = (await admin.get('/api/agencies?unit=00007')).body.items[0]?.id ?? randomUUID();
    const leader = await life.login('demo.leader');
    const outside = await leader.get(march(other));
    assert.equal(outside.status, 403);
    assert.equal(outside.body.error.details.rule, 'agency_scope');
    assert.equal((await admin.get(march(life.commune))).body.form.received.total, 4);
    const citizen = await life.login('demo.citizen');
    assert.equal((await citizen.get(march())).status, 403);
    const bad = await leader.get('/api/indicators?from=2026-03-10&to=2026-03-01');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.issues[0].path, 'query.to');
    const malformed = await leader.get('/api/indicators?from=2026-3-1&to=2026-04-01');
    assert.equal(malformed.body.error.details.issues[0].path, 'query.from');
  });

  it('gives an administrative unit with its old units rolled up, to those who may see it', async () => {
    const leader = await life.login('demo.leader');
    const byUnit = await leader.get('/api/indicators?unitCode=00004&from=2026-03-01&to=2026-03-12');
    assert.equal(byUnit.status, 200, JSON.stringify(byUnit.body));
    assert.match(byUnit.body.unit.name, /Ba Đình/);
    assert.deepEqual(byUnit.body.form, (await leader.get(march(life.commune))).body.form);
    // A test-fixture committee of the old Phường Quán Thánh (00013, merged whole into Ba Đình on 01/07/2025) with one
    // dossier received on 10/06/2025 and still open: carried over into March 2026 at Ba Đình, and still pending.
    const db = life.ctx.deps.db;
    const [old] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO agencies (name, type, unit_code, valid_from, valid_to)
          VALUES ('UBND phường Quán Thánh (dữ liệu kiểm thử)', 'commune_committee', '00013', '2023-04-10', '2025-07-01') RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO indicator_day_counts (province_code, agency_id, procedure_id, day, measure, value)
          VALUES ('01', ${old!.id}, ${life.procedureId}, '2025-06-10', 'received_in_person', 1),
                 ('01', ${old!.id}, ${life.procedureId}, '2025-06-10', 'open', 1)`,
    );
    await db.execute(
      sql`INSERT INTO indicator_month_counts (province_code, agency_id, month, measure, value)
          VALUES ('01', ${old!.id}, '2025-06-01', 'received_in_person', 1), ('01', ${old!.id}, '2025-06-01', 'open', 1)`,
    );
    const rolled = (await leader.get('/api/indicators?unitCode=00004&from=2026-03-01&to=2026-03-12')).body;
    assert.deepEqual(rolled.form.received, { total: 5, online: 1, inPersonOrPost: 3, carriedOver: 1 });
    assert.equal(rolled.form.pending.total, 3);
    assert.ok(rolled.agencyIds.includes(old!.id));
    // The province (administrator) holds the commune and the old ward too; a ward's officer may not ask for it.
    const province = (await (await life.login('demo.admin')).get('/api/indicators?unitCode=01&from=2026-03-01&to=2026-03-12')).body;
    assert.equal(province.form.received.carriedOver, 1);
    assert.equal(province.form.received.total, 5);
    const desk = await life.login('demo.desk');
    const denied = await desk.get('/api/indicators?unitCode=01&from=2026-03-01&to=2026-03-12');
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.details.rule, 'unit_scope');
    const both = await leader.get(`/api/indicators?unitCode=00004&agencyId=${life.commune}&from=2026-03-01&to=2026-03-12`);
    assert.equal(both.status, 400);
    assert.equal(both.body.error.details.issues[0].path, 'query.unitCode');
    const unknown = await leader.get('/api/indicators?unitCode=99999&from=2026-03-01&to=2026-03-12');
    assert.equal(unknown.body.error.details.issues[0].rule, 'unknown_unit');
  });
});
