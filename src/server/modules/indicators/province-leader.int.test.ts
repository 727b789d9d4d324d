// The province leader (lãnh đạo UBND tỉnh, demo.lanhdao, held at UBND thành phố Hà Nội) over real HTTP: a read-only
// oversight role that sees the whole province's indicators, dashboards, report II.06a and dossiers, takes no dossier
// action and administers nothing; only a province administrator grants it, and only at the province People's Committee.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { agencies, indicatorDayCounts } from '../../db/schema.ts';
import type { TestClient } from '../../testing/http-client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { seedMarchScenario } from '../../testing/march-scenario.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Vũ Thị Giám Sát', phone: '0912000444', idNumber: '001099000444' };
const MARCH = 'from=2026-03-01&to=2026-03-12';
const PASSWORD = 'mat-khau-ban-dau-2026';
// The March scenario's commune, by hand (march-scenario.ts): A, B, C at the desk or by post and D online; D early,
// A withdrawn (on time); B awaits its supplement (within deadline), C passed its deadline on 09/03 09:00.
const COMMUNE = {
  received: { total: 4, online: 1, inPersonOrPost: 3, carriedOver: 0 },
  resolved: { total: 2, early: 1, onTime: 1, late: 0 },
  pending: { total: 2, withinDeadline: 1, overdue: 1 },
};
// Another commune (Phường 00008), where the province leader holds no role: 5 received in person on 05/03, all open,
// with no deadline rows (within deadline).
const OTHER = {
  received: { total: 5, online: 0, inPersonOrPost: 5, carriedOver: 0 },
  resolved: { total: 0, early: 0, onTime: 0, late: 0 },
  pending: { total: 5, withinDeadline: 5, overdue: 0 },
};

describe('the province leader role (lãnh đạo UBND tỉnh)', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 02/03/2026 09:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());
  let lanhdao: TestClient;
  let admin: TestClient;
  let other: string;
  let province: string;

  before(async () => {
    life = await setupLifecycle(clock);
    await seedMarchScenario(life, at, {
      applicant: APPLICANT,
      waybillNumber: 'EV3VN',
      resultNumber: '9/QĐ-UBND',
    });
    const db = life.ctx.deps.db;
    const [otherCommune] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.seedKey, '01:commune:00008'));
    other = otherCommune!.id;
    const row = { provinceCode: '01', agencyId: other, procedureId: life.procedureId, day: '2026-03-05' };
    await db.insert(indicatorDayCounts).values([
      { ...row, measure: 'received_in_person', value: 5 },
      { ...row, measure: 'open', value: 5 },
    ]);
    lanhdao = await life.login('demo.lanhdao');
    admin = await life.login('demo.admin');
    const me = (await lanhdao.get('/api/auth/me')).body;
    assert.deepEqual(
      me.roles.map((r: { role: string; agencyName: string }) => `${r.role} @ ${r.agencyName}`),
      ['province_leader @ UBND thành phố Hà Nội'],
    );
    province = me.roles[0].agencyId;
  });
  after(() => life.close());

  it("sees the whole province's indicators, and any unit's, where a unit leader may not", async () => {
    const all = await lanhdao.get(`/api/indicators?${MARCH}`);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.agencyIds, 'all');
    assert.deepEqual(all.body.form, {
      received: { total: 9, online: 1, inPersonOrPost: 8, carriedOver: 0 },
      resolved: COMMUNE.resolved,
      pending: { total: 7, withinDeadline: 6, overdue: 1 },
    });
    // An agency and units where the leader holds no role.
    assert.deepEqual(
      (await lanhdao.get(`/api/indicators?agencyId=${life.commune}&${MARCH}`)).body.form,
      COMMUNE,
    );
    const ward = await lanhdao.get(`/api/indicators?unitCode=00008&${MARCH}`);
    assert.equal(ward.status, 200, JSON.stringify(ward.body));
    assert.deepEqual(ward.body.form, OTHER);
    assert.deepEqual((await lanhdao.get(`/api/indicators?unitCode=00004&${MARCH}`)).body.form, COMMUNE);
    assert.equal((await lanhdao.get(`/api/indicators?unitCode=01&${MARCH}`)).body.form.received.total, 9);
    // A unit leader of the commune and the department may not ask for the other ward.
    const leader = await life.login('demo.leader');
    const denied = await leader.get(`/api/indicators?unitCode=00008&${MARCH}`);
    assert.deepEqual([denied.status, denied.body.error.details.rule], [403, 'unit_scope']);
  });

  it('gets the by-agency ranking and report II.06a of every agency with figures, as the province administrator does', async () => {
    const ranking = await lanhdao.get(`/api/indicators/by-agency?${MARCH}`);
    assert.equal(ranking.status, 200, JSON.stringify(ranking.body));
    // By the 2.1 rate: the other ward's 5 open dossiers are within their deadline (5 of 5, 100 %) ahead of the
    // commune (D, A, B on time, C late: 3 of 4, 75 %).
    assert.deepEqual(
      ranking.body.items.map(
        (row: { agencyId: string; onTime: { numerator: number; denominator: number; rate: number } }) => [
          row.agencyId,
          row.onTime.numerator,
          row.onTime.denominator,
          row.onTime.rate,
        ],
      ),
      [
        [other, 5, 5, 100],
        [life.commune, 3, 4, 75],
      ],
    );
    assert.deepEqual(ranking.body.items, (await admin.get(`/api/indicators/by-agency?${MARCH}`)).body.items);
    const report = await lanhdao.get(`/api/reports/ii-06a?${MARCH}`);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.deepEqual(
      report.body.rows.map((r: { agencyId: string }) => r.agencyId).sort(),
      [life.commune, other].sort(),
    );
    assert.deepEqual(report.body.total, {
      received: { total: 9, online: 1, inPersonOrPost: 8, carriedOver: 0 },
      resolved: COMMUNE.resolved,
      pending: { total: 7, withinDeadline: 6, overdue: 1 },
    });
  });

  it('reads the indicator settings but may not change them', async () => {
    const read = await lanhdao.get('/api/indicator-settings');
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual([read.body.provinceCode, read.body.version, read.body.totalPoints], ['01', 0, 100]);
    const write = await lanhdao.request('PUT', '/api/indicator-settings', {
      version: 0,
      settings: { dislikeMaxScore: 3 },
    });
    assert.deepEqual([write.status, write.body.error.details.rule], [403, 'province_admin_only']);
    assert.equal((await lanhdao.get('/api/indicator-settings')).body.version, 0);
  });

  it('opens a late dossier of another unit from the drill-down, read-only, and every action is refused', async () => {
    const late = await lanhdao.get(`/api/indicators/late-dossiers?agencyId=${life.commune}&${MARCH}`);
    assert.equal(late.status, 200, JSON.stringify(late.body));
    // C: received by post on 02/03, due 09/03 09:00, still open on 12/03.
    assert.deepEqual(
      late.body.items.map((d: { kind: string; status: string }) => `${d.kind} ${d.status}`),
      ['open_overdue received'],
    );
    const dossier = await lanhdao.get(`/api/dossiers/${late.body.items[0].id}`);
    assert.equal(dossier.status, 200, JSON.stringify(dossier.body));
    assert.equal(dossier.body.status, 'received');
    assert.deepEqual(dossier.body.allowedActions, []);
    assert.ok(dossier.body.timeline.length > 0);
    // The commune's leader may assign this dossier; the province leader may not.
    const assign = await life.act(lanhdao, dossier.body, 'assign', {
      assigneeId: (await lanhdao.get('/api/auth/me')).body.id,
    });
    assert.deepEqual(
      [assign.status, assign.body.error.code, assign.body.error.details.roles],
      [403, 'FORBIDDEN', []],
    );
    const citizen = await life.login('demo.citizen');
    const filed = await citizen.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: life.procedureId,
      channel: 'online',
      receivingAgencyId: life.commune,
      applicant: APPLICANT,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const receive = await life.act(lanhdao, filed.body, 'receive');
    assert.deepEqual([receive.status, receive.body.error.code], [403, 'FORBIDDEN']);
    assert.equal((await lanhdao.get(`/api/dossiers/${filed.body.id}`)).body.status, 'submitted');
    // Not a case handler: its inbox holds the People's Committee's own dossiers only (none here).
    assert.deepEqual((await lanhdao.get('/api/dossiers')).body, { items: [], total: 0 });
  });

  it('administers nothing', async () => {
    const agenciesList = await lanhdao.get('/api/admin/agencies');
    assert.deepEqual([agenciesList.status, agenciesList.body.error.details.rule], [403, 'not_admin']);
    const grant = await lanhdao.post(`/api/admin/agencies/${province}/roles`, {
      username: 'demo.desk',
      role: 'province_leader',
    });
    assert.deepEqual([grant.status, grant.body.error.details.rule], [403, 'not_agency_admin']);
  });

  it('is granted and revoked by a province administrator, only at the province People’s Committee', async () => {
    const here = await admin.get(`/api/admin/agencies/${province}/officers`);
    assert.deepEqual(here.body.grantableRoles, [
      'desk',
      'handler',
      'leader',
      'clerk',
      'agency_admin',
      'province_admin',
      'province_leader',
    ]);
    assert.deepEqual((await admin.get(`/api/admin/agencies/${life.commune}/officers`)).body.grantableRoles, [
      'desk',
      'handler',
      'leader',
      'clerk',
      'agency_admin',
      'province_admin',
    ]);

    const created = await admin.post('/api/admin/officers', {
      username: 'pho.chu.tich',
      displayName: 'Phó Chủ tịch (thử nghiệm)',
      password: PASSWORD,
      agencyId: province,
      role: 'province_leader',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.roles, ['province_leader']);
    const vice = await life.login('pho.chu.tich', PASSWORD);
    assert.equal((await vice.get(`/api/indicators?${MARCH}`)).body.agencyIds, 'all');

    // Elsewhere than the People's Committee the role is a field error.
    const wrongPlace = await admin.post(`/api/admin/agencies/${life.commune}/roles`, {
      username: 'demo.leader',
      role: 'province_leader',
    });
    assert.equal(wrongPlace.status, 400);
    assert.deepEqual(
      wrongPlace.body.error.details.issues.map((i: { path: string; rule: string }) => `${i.path} ${i.rule}`),
      ['body.role province_committee_only'],
    );
    const wrongCreate = await admin.post('/api/admin/officers', {
      username: 'lanh.dao.xa',
      displayName: 'Lãnh đạo xã',
      password: PASSWORD,
      agencyId: life.commune,
      role: 'province_leader',
    });
    assert.equal(wrongCreate.status, 400);

    const grant = await admin.post(`/api/admin/agencies/${province}/roles`, {
      username: 'demo.leader',
      role: 'province_leader',
    });
    assert.deepEqual(
      [grant.status, grant.body.changed, grant.body.officer.roles],
      [200, true, ['province_leader']],
    );
    const revoke = await admin.request(
      'DELETE',
      `/api/admin/agencies/${province}/roles/${grant.body.officer.id}/province_leader`,
    );
    assert.deepEqual([revoke.status, revoke.body.changed, revoke.body.officer.roles], [200, true, []]);
  });

  it('cannot be granted, revoked or disabled by an agency administrator', async () => {
    // An agency administrator of the People's Committee itself: it administers the agency, not the province-wide roles.
    const made = await admin.post('/api/admin/officers', {
      username: 'qt.ubnd',
      displayName: 'Quản trị UBND (thử nghiệm)',
      password: PASSWORD,
      agencyId: province,
      role: 'agency_admin',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const local = await life.login('qt.ubnd', PASSWORD);
    assert.deepEqual((await local.get(`/api/admin/agencies/${province}/officers`)).body.grantableRoles, [
      'desk',
      'handler',
      'leader',
      'clerk',
      'agency_admin',
    ]);
    const grant = await local.post(`/api/admin/agencies/${province}/roles`, {
      username: 'demo.desk',
      role: 'province_leader',
    });
    assert.deepEqual([grant.status, grant.body.error.details.rule], [403, 'province_admin_only']);
    const create = await local.post('/api/admin/officers', {
      username: 'chu.tich',
      displayName: 'Chủ tịch',
      password: PASSWORD,
      agencyId: province,
      role: 'province_leader',
    });
    assert.deepEqual([create.status, create.body.error.details.rule], [403, 'province_admin_only']);
    const lanhdaoId = (await lanhdao.get('/api/auth/me')).body.id;
    const revoke = await local.request(
      'DELETE',
      `/api/admin/agencies/${province}/roles/${lanhdaoId}/province_leader`,
    );
    assert.deepEqual([revoke.status, revoke.body.error.details.rule], [403, 'province_admin_only']);
    const disable = await local.post(`/api/admin/agencies/${province}/officers/${lanhdaoId}/account`, {
      disabled: true,
    });
    assert.deepEqual([disable.status, disable.body.error.details.rule], [403, 'outside_agency']);
    assert.equal((await lanhdao.get('/api/auth/me')).status, 200);
  });
});
