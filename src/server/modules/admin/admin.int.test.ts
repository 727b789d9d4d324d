import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock, seedPath } from '../../testing/test-deps.ts';
import type { TestClient } from '../../testing/http-client.ts';

const PASSWORD = 'mat-khau-ban-dau-2026';
const paths = (body: { error: { details: { issues: { path: string; rule: string }[] } } }) => body.error.details.issues.map((i) => `${i.path} ${i.rule}`).sort();

async function waitForJob(client: TestClient, id: string) {
  for (let i = 0; i < 600; i += 1) {
    const { body } = await client.get(`/api/admin/jobs/${id}`);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the job did not finish');
}

describe('administration: officers, roles and catalogue imports', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  let admin: TestClient;
  let department: string;
  before(async () => {
    fx = await setupLifecycle(fixedClock('2026-11-23T03:00:00Z'));
    admin = await fx.login('demo.admin');
    department = (await admin.get('/api/admin/agencies?q=so tu phap')).body.items[0].agency.id;
  });
  after(() => fx.close());

  it('lists agencies and their officers, searching names without diacritics', async () => {
    const agencies = await admin.get('/api/admin/agencies?q=tu phap');
    assert.equal(agencies.status, 200);
    const found = agencies.body.items.find((i: { agency: { id: string } }) => i.agency.id === department);
    assert.equal(found.agency.name, 'Sở Tư pháp thành phố Hà Nội');
    assert.equal(found.officerCount, 5);
    const officers = await admin.get(`/api/admin/agencies/${fx.commune}/officers?q=quan tri`);
    assert.deepEqual(officers.body.items.map((o: { username: string; roles: string[] }) => `${o.username} ${o.roles.join(',')}`), ['demo.admin agency_admin']);
    assert.equal(officers.body.canGrantProvinceAdmin, true);
    const desk = await fx.login('demo.desk');
    assert.equal((await desk.get('/api/admin/agencies')).status, 403);
    assert.equal((await desk.get(`/api/admin/agencies/${fx.commune}/officers`)).status, 403);
  });

  it('creates an officer with field errors first, refuses a taken username, and the officer signs in', async () => {
    const bad = await admin.post('/api/admin/officers', { username: 'Bad Name!', displayName: ' ', password: 'short', agencyId: fx.commune, role: 'handler' });
    assert.equal(bad.status, 400);
    assert.deepEqual(paths(bad.body), ['body.password minLength']);
    const badName = await admin.post('/api/admin/officers', { username: 'Bad Name!', displayName: ' ', password: PASSWORD, agencyId: fx.commune, role: 'handler' });
    assert.deepEqual(paths(badName.body), ['body.displayName required', 'body.username pattern']);

    const created = await admin.post('/api/admin/officers', { username: 'Nguyen.Thu.Ly', displayName: 'Nguyễn Thụ Lý', password: PASSWORD, agencyId: fx.commune, role: 'handler' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual({ ...created.body, id: undefined }, { id: undefined, username: 'nguyen.thu.ly', displayName: 'Nguyễn Thụ Lý', disabled: false, roles: ['handler'] });
    const again = await admin.post('/api/admin/officers', { username: 'nguyen.thu.ly', displayName: 'Người khác', password: PASSWORD, agencyId: fx.commune, role: 'desk' });
    assert.equal(again.status, 409);
    assert.deepEqual(paths(again.body), ['body.username unique']);
    const me = await (await fx.login('nguyen.thu.ly', PASSWORD)).get('/api/auth/me');
    assert.deepEqual(me.body.roles.map((r: { role: string }) => r.role), ['handler']);
  });

  it('grants and revokes roles idempotently, by id or username', async () => {
    const officer = (await admin.get(`/api/admin/agencies/${fx.commune}/officers?q=nguyen thu ly`)).body.items[0];
    const grant = () => admin.post(`/api/admin/agencies/${fx.commune}/roles`, { username: 'nguyen.thu.ly', role: 'leader' });
    const first = await grant();
    assert.equal(first.status, 200);
    assert.deepEqual([first.body.changed, first.body.officer.roles], [true, ['handler', 'leader']]);
    assert.deepEqual([(await grant()).body.changed, (await grant()).body.officer.roles], [false, ['handler', 'leader']]);
    const revoke = () => admin.request('DELETE', `/api/admin/agencies/${fx.commune}/roles/${officer.id}/leader`);
    assert.deepEqual([(await revoke()).body.changed, (await revoke()).body.changed], [true, false]);
    const unknown = await admin.post(`/api/admin/agencies/${fx.commune}/roles`, { username: 'khong.ai.ca', role: 'desk' });
    assert.deepEqual(paths(unknown.body), ['body.username exists']);
  });

  it('keeps the last province administrator', async () => {
    const province = (await admin.get('/api/auth/me')).body.roles.find((r: { role: string }) => r.role === 'province_admin').agencyId;
    const adminId = (await admin.get('/api/auth/me')).body.id;
    const last = await admin.request('DELETE', `/api/admin/agencies/${province}/roles/${adminId}/province_admin`);
    assert.equal(last.status, 409);
    assert.equal(last.body.error.details.rule, 'last_province_admin');
    assert.equal((await admin.post(`/api/admin/agencies/${province}/officers/${adminId}/account`, { disabled: true })).status, 409);
    // With a second province administrator, the first may step down (and is granted back for the next tests).
    await admin.post(`/api/admin/agencies/${province}/roles`, { username: 'nguyen.thu.ly', role: 'province_admin' });
    assert.equal((await admin.request('DELETE', `/api/admin/agencies/${province}/roles/${adminId}/province_admin`)).status, 200);
    const second = await fx.login('nguyen.thu.ly', PASSWORD);
    assert.equal((await second.post(`/api/admin/agencies/${province}/roles`, { userId: adminId, role: 'province_admin' })).body.changed, true);
    const officerId = (await second.get('/api/auth/me')).body.id;
    assert.equal((await admin.request('DELETE', `/api/admin/agencies/${province}/roles/${officerId}/province_admin`)).body.changed, true);
  });

  it('limits an agency administrator to their agency', async () => {
    await admin.post('/api/admin/officers', { username: 'qt.xa', displayName: 'Quản trị xã', password: PASSWORD, agencyId: fx.commune, role: 'agency_admin' });
    const local = await fx.login('qt.xa', PASSWORD);
    assert.deepEqual((await local.get('/api/admin/agencies')).body.items.map((i: { agency: { id: string } }) => i.agency.id), [fx.commune]);
    assert.equal((await local.get(`/api/admin/agencies/${department}/officers`)).status, 403);
    assert.equal((await local.post(`/api/admin/agencies/${department}/roles`, { username: 'nguyen.thu.ly', role: 'desk' })).status, 403);
    assert.equal((await local.post(`/api/admin/agencies/${fx.commune}/roles`, { username: 'nguyen.thu.ly', role: 'province_admin' })).status, 403);
    assert.equal((await local.post(`/api/admin/agencies/${fx.commune}/roles`, { username: 'nguyen.thu.ly', role: 'desk' })).body.changed, true);
    assert.equal((await local.post('/api/admin/officers', { username: 'can.bo.so', displayName: 'Cán bộ Sở', password: PASSWORD, agencyId: department, role: 'desk' })).status, 403);
    assert.equal((await local.post('/api/admin/imports/procedures', { fileName: 'x.jsonl', content: '{}' })).status, 403);
    // demo.desk also works in the department: only a province administrator may disable that account.
    const deskId = (await (await fx.login('demo.desk')).get('/api/auth/me')).body.id;
    assert.equal((await local.post(`/api/admin/agencies/${fx.commune}/officers/${deskId}/account`, { disabled: true })).status, 403);
  });

  it('disables an account: its sessions end and it cannot sign in; enabling it again restores access', async () => {
    const officer = await fx.login('nguyen.thu.ly', PASSWORD);
    const id = (await officer.get('/api/auth/me')).body.id;
    const off = await admin.post(`/api/admin/agencies/${fx.commune}/officers/${id}/account`, { disabled: true });
    assert.deepEqual([off.status, off.body.changed, off.body.officer.disabled], [200, true, true]);
    assert.equal((await officer.get('/api/auth/me')).status, 401);
    await assert.rejects(fx.login('nguyen.thu.ly', PASSWORD));
    assert.equal((await admin.post(`/api/admin/agencies/${fx.commune}/officers/${id}/account`, { disabled: true })).body.changed, false);
    await admin.post(`/api/admin/agencies/${fx.commune}/officers/${id}/account`, { disabled: false });
    await fx.login('nguyen.thu.ly', PASSWORD);
  });

  it('refuses a malformed catalogue, naming every bad line, before any job exists', async () => {
    const bad = await admin.post('/api/admin/imports/procedures', { fileName: 'hong.jsonl', content: '{"code": "1.0"}\nnot json\n\n[1, 2]\n' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.lines.map((l: { line: number }) => l.line), [2, 4]);
    assert.deepEqual(paths(bad.body), ['body.content jsonl']);
    assert.equal((await admin.get('/api/admin/jobs')).body.items.length, 0);
  });

  it('imports a catalogue as a job with progress to the total, and a summary of added, updated and rejected lines', async () => {
    const seedLines = fs.readFileSync(seedPath('procedures', 'national-2026', 'procedures.jsonl'), 'utf8').split('\n').filter(Boolean);
    const changed = { ...JSON.parse(seedLines[1]!), name: `${JSON.parse(seedLines[1]!).name} (sửa đổi)` };
    const fresh = { ...JSON.parse(seedLines[2]!), code: '9.999001', name: 'Thủ tục thử nghiệm nhập từ quản trị' };
    const content = [seedLines[0], JSON.stringify(changed), JSON.stringify(fresh), JSON.stringify({ code: '9.999002' }), seedLines[0]].join('\n') + '\n';
    const started = await admin.post('/api/admin/imports/procedures', { fileName: 'danh-muc.jsonl', content });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.deepEqual([started.body.status, started.body.total, started.body.done], ['queued', 5, 0]);
    const job = await waitForJob(admin, started.body.id);
    assert.equal(job.status, 'succeeded', job.error);
    assert.equal(job.done, 5);
    assert.deepEqual({ ...job.summary, rejections: job.summary.rejections.map((r: { line: number }) => r.line) }, {
      records: 5,
      added: 1,
      updated: 1,
      unchanged: 1,
      rejected: 2,
      warnings: job.summary.warnings,
      rejections: [4, 5],
    });
    assert.match(job.summary.rejections[1].reason, /duplicate of line 1/);
    const search = await admin.get('/api/procedures?q=9.999001');
    assert.equal(search.body.items[0].name, 'Thủ tục thử nghiệm nhập từ quản trị');
    assert.equal((await admin.get('/api/admin/jobs')).body.items[0].id, started.body.id);
  });
});
