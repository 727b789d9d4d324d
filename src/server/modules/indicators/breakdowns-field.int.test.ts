// The dashboards' breakdowns by field (lĩnh vực) and by administrative unit over real HTTP, on the March scenario
// (march-scenario.ts: four dossiers at the commune of Phường Ba Đình, 00004) plus, written straight into the
// aggregates as test fixtures: a dossier of another field at the same commune (Hộ tịch, received online on 05/03 and
// resolved late on 10/03 after 24 working hours, with an e-result), and a test-fixture committee of the old Phường Quán
// Thánh (00013, merged whole into Ba Đình on 01/07/2025) with one dossier received on 10/06/2025 and still open. The
// figures are computed by hand; then the scope rules and bad input.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { seedMarchScenario } from '../../testing/march-scenario.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Trần Thị Lĩnh Vực', phone: '0912000555', idNumber: '001099000555' };
const MARCH = 'from=2026-03-01&to=2026-04-01';
const MEDIATION = 'Hòa giải ở cơ sở'; // the field of 1.002211, the scenario's procedure
const CIVIL_STATUS = 'Hộ tịch'; // the field of 1.001193, Thủ tục đăng ký khai sinh

interface Row {
  agencyId?: string;
  field?: string | null;
  name: string;
  form: unknown;
  onTime: unknown;
  averageProcessingHours: number | null;
  onlineShare: number | null;
  eResultShare: number | null;
}

describe('GET /api/indicators/by-field, and by unit (by-agency, trend)', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 02/03/2026 09:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());
  let oldWard = '';

  before(async () => {
    life = await setupLifecycle(clock);
    await seedMarchScenario(life, at, { applicant: APPLICANT, waybillNumber: 'EV2VN', resultNumber: '8/QĐ-UBND' });
    const db = life.ctx.deps.db;
    const [birth] = await queryRows<{ id: string }>(db, sql`SELECT id FROM procedures WHERE national_code = '1.001193'`);
    const [old] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO agencies (name, type, unit_code, valid_from, valid_to)
          VALUES ('UBND phường Quán Thánh (dữ liệu kiểm thử)', 'commune_committee', '00013', '2023-04-10', '2025-07-01') RETURNING id`,
    );
    oldWard = old!.id;
    const day = (agency: string, procedure: string, on: string, measure: string, value: number) =>
      sql`('01', ${agency}::uuid, ${procedure}::uuid, ${on}::date, ${measure}, ${value})`;
    await db.execute(
      sql`INSERT INTO indicator_day_counts (province_code, agency_id, procedure_id, day, measure, value) VALUES ${sql.join(
        [
          day(life.commune, birth!.id, '2026-03-05', 'received_online', 1),
          day(life.commune, birth!.id, '2026-03-05', 'open', 1),
          day(life.commune, birth!.id, '2026-03-10', 'open', -1),
          day(life.commune, birth!.id, '2026-03-10', 'legal_late', 1),
          day(life.commune, birth!.id, '2026-03-10', 'index_late', 1),
          day(life.commune, birth!.id, '2026-03-10', 'processing_minutes', 1440),
          day(life.commune, birth!.id, '2026-03-10', 'result_issued', 1),
          day(life.commune, birth!.id, '2026-03-10', 'e_result', 1),
          day(oldWard, life.procedureId, '2025-06-10', 'received_in_person', 1),
          day(oldWard, life.procedureId, '2025-06-10', 'open', 1),
        ],
        sql`, `,
      )}`,
    );
    // The month rows hold the same counts without the procedure (the rebuild would write them so).
    await db.execute(
      sql`INSERT INTO indicator_month_counts (province_code, agency_id, month, measure, value)
          VALUES ('01', ${oldWard}, '2025-06-01', 'received_in_person', 1), ('01', ${oldWard}, '2025-06-01', 'open', 1)`,
    );
    await db.execute(
      sql`INSERT INTO indicator_month_counts (province_code, agency_id, month, measure, value)
          SELECT '01', ${life.commune}, '2026-03-01', m, v
            FROM (VALUES ('received_online', 1), ('legal_late', 1), ('index_late', 1), ('processing_minutes', 1440),
                         ('result_issued', 1), ('e_result', 1)) AS x(m, v)
          ON CONFLICT (agency_id, month, measure) DO UPDATE SET value = indicator_month_counts.value + excluded.value`,
    );
  });
  after(() => life.close());

  // The scenario's four at the commune, seen on 20/03: received A, B in person, C by post, D online; resolved D early,
  // A withdrawn (on time); open B (waiting for its supplement: within) and C (overdue since 09/03). By the 766 rule D,
  // A and B are on time and C late. The birth registration: received online, resolved late (legal and index).
  const mediationAtCommune = {
    form: {
      received: { total: 4, online: 1, inPersonOrPost: 3, carriedOver: 0 },
      resolved: { total: 2, early: 1, onTime: 1, late: 0 },
      pending: { total: 2, withinDeadline: 1, overdue: 1 },
    },
    // D, A and B of 4.
    onTime: { numerator: 3, denominator: 4, rate: 75, points: 15, maxPoints: 20 },
    // A 8 working hours, D 16.
    averageProcessingHours: 12,
    onlineShare: 25,
    eResultShare: 0,
  };
  const civilStatus = {
    field: CIVIL_STATUS,
    name: CIVIL_STATUS,
    form: {
      received: { total: 1, online: 1, inPersonOrPost: 0, carriedOver: 0 },
      resolved: { total: 1, early: 0, onTime: 0, late: 1 },
      pending: { total: 0, withinDeadline: 0, overdue: 0 },
    },
    onTime: { numerator: 0, denominator: 1, rate: 0, points: 0, maxPoints: 20 },
    averageProcessingHours: 24,
    onlineShare: 100,
    eResultShare: 100,
  };
  const pickFigures = (row: Row) => ({
    form: row.form,
    onTime: row.onTime,
    averageProcessingHours: row.averageProcessingHours,
    onlineShare: row.onlineShare,
    eResultShare: row.eResultShare,
  });

  it('gives one row per field of one agency, ranked by the 2.1 rate, computed by hand', async () => {
    const res = await (await life.login('demo.leader')).get(`/api/indicators/by-field?agencyId=${life.commune}&${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.asOf, '2026-03-20');
    assert.equal(res.body.unit, undefined);
    assert.deepEqual(
      res.body.items.map((r: Row) => [r.field, r.name]),
      [[MEDIATION, MEDIATION], [CIVIL_STATUS, CIVIL_STATUS]],
    );
    assert.deepEqual(pickFigures(res.body.items[0]), mediationAtCommune);
    assert.deepEqual(res.body.items[1], civilStatus);
    // February: nothing happened and nothing stood open ⇒ no rows.
    const february = await (await life.login('demo.leader')).get(`/api/indicators/by-field?agencyId=${life.commune}&from=2026-02-01&to=2026-03-01`);
    assert.deepEqual(february.body.items, []);
  });

  it('rolls the old ward into the 2025 ward by field, and gives the province administrator the same for the whole scope', async () => {
    const res = await (await life.login('demo.leader')).get(`/api/indicators/by-field?unitCode=00004&${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body.unit.name, /Ba Đình/);
    // Mediation: the commune's four plus the old ward's dossier, carried over and open within its deadline (not late)
    // ⇒ received 5 with 1 carried over, 3 pending, 2.1: D, A, B and the old one of 5 = 80 %.
    assert.deepEqual(pickFigures(res.body.items[0]), {
      ...mediationAtCommune,
      form: {
        received: { total: 5, online: 1, inPersonOrPost: 3, carriedOver: 1 },
        resolved: { total: 2, early: 1, onTime: 1, late: 0 },
        pending: { total: 3, withinDeadline: 2, overdue: 1 },
      },
      onTime: { numerator: 4, denominator: 5, rate: 80, points: 16, maxPoints: 20 },
    });
    assert.deepEqual(res.body.items[1], civilStatus);
    const all = await (await life.login('demo.admin')).get(`/api/indicators/by-field?${MARCH}`);
    assert.deepEqual(all.body.items, res.body.items);
  });

  it('ranks the agencies of a unit with a figure, the old ward rolled up, computed by hand', async () => {
    const res = await (await life.login('demo.leader')).get(`/api/indicators/by-agency?unitCode=00004&${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.unit.code, '00004');
    assert.deepEqual(res.body.items.map((r: Row) => r.agencyId), [oldWard, life.commune]);
    const [old, commune] = res.body.items as Row[];
    // The old ward: its one dossier carried over and open within the deadline ⇒ 1 of 1 on time; nothing received in
    // March ⇒ no online share.
    assert.deepEqual(pickFigures(old!), {
      form: {
        received: { total: 1, online: 0, inPersonOrPost: 0, carriedOver: 1 },
        resolved: { total: 0, early: 0, onTime: 0, late: 0 },
        pending: { total: 1, withinDeadline: 1, overdue: 0 },
      },
      onTime: { numerator: 1, denominator: 1, rate: 100, points: 20, maxPoints: 20 },
      averageProcessingHours: null,
      onlineShare: null,
      eResultShare: null,
    });
    // The commune: both fields. 2.1: D, A and B of D, A, the birth registration, B and C ⇒ 3 of 5 = 60 %; hours
    // (8 + 16 + 24) ÷ 3 = 16; online 2 of 5; e-results 1 of 3.
    assert.deepEqual(pickFigures(commune!), {
      form: {
        received: { total: 5, online: 2, inPersonOrPost: 3, carriedOver: 0 },
        resolved: { total: 3, early: 1, onTime: 1, late: 1 },
        pending: { total: 2, withinDeadline: 1, overdue: 1 },
      },
      onTime: { numerator: 3, denominator: 5, rate: 60, points: 12, maxPoints: 20 },
      averageProcessingHours: 16,
      onlineShare: 40,
      eResultShare: 33.33,
    });
    // The province (administrator): every agency with a figure, here the same two; the departments with none are left out.
    const province = await (await life.login('demo.admin')).get(`/api/indicators/by-agency?unitCode=01&${MARCH}`);
    assert.equal(province.status, 200, JSON.stringify(province.body));
    assert.deepEqual(province.body.items.map((r: Row) => r.agencyId), [oldWard, life.commune]);
  });

  it('gives the trend of a unit with the old ward rolled up', async () => {
    const res = await (await life.login('demo.leader')).get(`/api/indicators/trend?unitCode=00004&${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.agencyIds.includes(oldWard));
    // March up to 20/03: received 5 (not counting the carried-over one), resolved 3 of which 1 late; 2.1: D, A, B and
    // the old one of the 3 resolved and 3 open ⇒ 4 of 6.
    const [march] = res.body.points;
    assert.deepEqual(
      [march.received, march.resolved, march.late, march.onTimeRate, march.onlineShare],
      [5, 3, 1, 66.67, 40],
    );
  });

  it('keeps each viewer to the units and agencies they may see, and names the wrong field', async () => {
    const desk = await life.login('demo.desk');
    const leader = await life.login('demo.leader');
    for (const path of ['by-agency', 'by-field', 'trend']) {
      const denied = await desk.get(`/api/indicators/${path}?unitCode=01&${MARCH}`);
      assert.equal(denied.status, 403, path);
      assert.equal(denied.body.error.details.rule, 'unit_scope', path);
      const unknown = await leader.get(`/api/indicators/${path}?unitCode=99999&${MARCH}`);
      assert.deepEqual([unknown.status, unknown.body.error.details.issues[0].path, unknown.body.error.details.issues[0].rule], [400, 'query.unitCode', 'unknown_unit'], path);
      const malformed = await leader.get(`/api/indicators/${path}?unitCode=ba-dinh&${MARCH}`);
      assert.equal(malformed.status, 400, path);
      assert.match(JSON.stringify(malformed.body.error.details), /unitCode/, path);
    }
    for (const path of ['by-field', 'trend']) {
      const both = await leader.get(`/api/indicators/${path}?unitCode=00004&agencyId=${life.commune}&${MARCH}`);
      assert.deepEqual([both.status, both.body.error.details.issues[0].path, both.body.error.details.issues[0].rule], [400, 'query.unitCode', 'one_of'], path);
    }
    const other = (await (await life.login('demo.admin')).get('/api/agencies?unit=00007')).body.items[0]?.id ?? randomUUID();
    const outside = await leader.get(`/api/indicators/by-field?agencyId=${other}&${MARCH}`);
    assert.deepEqual([outside.status, outside.body.error.details.rule], [403, 'agency_scope']);
    const citizen = await life.login('demo.citizen');
    const refused = await citizen.get(`/api/indicators/by-field?${MARCH}`);
    assert.deepEqual([refused.status, refused.body.error.details.rule], [403, 'officers_only']);
    const tooLong = await leader.get('/api/indicators/by-field?from=2025-01-01&to=2026-04-01');
    assert.equal(tooLong.body.error.details.issues[0].rule, 'max_period');
  });
});
