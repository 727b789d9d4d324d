import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { users } from '../../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

describe('drafts of online dossiers over HTTP', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  const clock = fixedClock('2026-03-02T02:00:00Z');

  before(async () => {
    fx = await setupLifecycle(clock);
    await fx.ctx.deps.db.insert(users).values({ kind: 'citizen', username: 'nguoi.khac@example.com', displayName: 'Công dân khác (thử nghiệm)', passwordHash: await hashPassword('mat-khau-dai') });
  });
  after(async () => {
    await fx.close();
  });

  const form = (name: string) => ({ applicant: { name, phone: '0912000333' }, requestId: randomUUID(), components: [] });

  it('creates, lists, reads, saves and deletes a draft of its owner', async () => {
    const citizen = await fx.login('demo.citizen');
    const created = await citizen.post('/api/drafts', { procedureId: fx.procedureId, data: form('Nguyễn Văn Nháp') });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, 1);
    assert.equal(created.body.createdAt, '2026-03-02T09:00:00+07:00');

    clock.set('2026-03-02T03:00:00Z');
    const saved = await citizen.request('PUT', `/api/drafts/${created.body.id}`, { data: form('Nguyễn Văn Đã Sửa'), version: 1 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 2);
    assert.equal(saved.body.updatedAt, '2026-03-02T10:00:00+07:00');

    const list = await citizen.get('/api/drafts');
    const mine = list.body.items.find((d: { id: string }) => d.id === created.body.id);
    assert.equal(mine.data.applicant.name, 'Nguyễn Văn Đã Sửa');
    assert.match(mine.procedure.name, /hòa giải viên/);
    assert.equal((await citizen.get(`/api/drafts/${created.body.id}`)).body.version, 2);

    assert.equal((await citizen.request('DELETE', `/api/drafts/${created.body.id}`)).status, 204);
    assert.equal((await citizen.get(`/api/drafts/${created.body.id}`)).status, 404);
    assert.equal((await citizen.request('DELETE', `/api/drafts/${created.body.id}`)).status, 404);
  });

  it('refuses a save based on a stale version with 409 stale_version and the current version', async () => {
    const citizen = await fx.login('demo.citizen');
    const created = (await citizen.post('/api/drafts', { procedureId: fx.procedureId, data: form('Bản một') })).body;
    assert.equal((await citizen.request('PUT', `/api/drafts/${created.id}`, { data: form('Từ tab thứ nhất'), version: 1 })).status, 200);
    const stale = await citizen.request('PUT', `/api/drafts/${created.id}`, { data: form('Từ tab thứ hai'), version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.rule, 'stale_version');
    assert.equal(stale.body.error.details.currentVersion, 2);
    assert.equal((await citizen.get(`/api/drafts/${created.id}`)).body.data.applicant.name, 'Từ tab thứ nhất');
  });

  it("hides a draft from everyone but its owner, and keeps drafts for citizens", async () => {
    const owner = await fx.login('demo.citizen');
    const created = (await owner.post('/api/drafts', { procedureId: fx.procedureId, data: form('Của tôi') })).body;
    const stranger = await fx.login('nguoi.khac@example.com', 'mat-khau-dai');
    assert.equal((await stranger.get(`/api/drafts/${created.id}`)).status, 404);
    assert.equal((await stranger.request('PUT', `/api/drafts/${created.id}`, { data: form('Sửa trộm'), version: 1 })).status, 404);
    assert.equal((await stranger.request('DELETE', `/api/drafts/${created.id}`)).status, 404);
    assert.ok(!(await stranger.get('/api/drafts')).body.items.some((d: { id: string }) => d.id === created.id));
    const desk = await fx.login('demo.desk');
    const officer = await desk.get('/api/drafts');
    assert.equal(officer.status, 403);
    assert.equal(officer.body.error.details.rule, 'citizen_only');
    assert.equal((await owner.get(`/api/drafts/${created.id}`)).body.data.applicant.name, 'Của tôi');
  });

  it('names the field and rule of an invalid draft', async () => {
    const citizen = await fx.login('demo.citizen');
    const unknown = await citizen.post('/api/drafts', { procedureId: randomUUID(), data: {} });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error.details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]), [['body.procedureId', 'exists']]);
    const huge = await citizen.post('/api/drafts', { procedureId: fx.procedureId, data: { note: 'x'.repeat(100_001) } });
    assert.equal(huge.status, 400);
    assert.equal(huge.body.error.details.issues[0].rule, 'max_size');
    const notSignedIn = await fetch(`${fx.server.url}/api/drafts`);
    assert.equal(notSignedIn.status, 401);
  });
});
