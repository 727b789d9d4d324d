import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { seedDemoAccounts } from '../accounts/seed-demo-accounts.ts';
import { seedAgencies } from '../agencies/seed-agencies.ts';
import { confirmCalendarYear } from '../calendars/confirm-calendar-year.ts';
import { importProcedures } from '../procedures/import-procedures.ts';
import { importUnits } from '../units/import-units.ts';
import { TestClient } from '../../testing/http-client.ts';
import { createTestContext, fixedClock, seedPath, startServer, type TestContext } from '../../testing/test-deps.ts';

// Generated test people (not real persons).
const APPLICANT = { name: 'Nguyễn Thị Thử Nghiệm', phone: '0912000111', idNumber: '001099000111' };

describe('the dossier lifecycle over HTTP', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
  let commune: string;
  let procedureId: string;
  const desk = () => login('demo.desk');
  const login = async (username: string) => {
    const client = new TestClient(server.url);
    await client.login(username);
    return client;
  };
  const act = (client: TestClient, dossier: { id: string; version: number }, type: string, fields: Record<string, unknown> = {}) =>
    client.post(`/api/dossiers/${dossier.id}/actions`, { type, requestId: randomUUID(), version: dossier.version, ...fields });
  const walkIn = (client: TestClient, requestId = randomUUID()) =>
    client.post('/api/dossiers', { requestId, procedureId, channel: 'in_person', receivingAgencyId: commune, applicant: APPLICANT, components: [{ name: 'Tờ khai', provided: true }] });

  before(async () => {
    ctx = await createTestContext({ clock });
    await importUnits(ctx.deps.db, seedPath('admin-units'));
    await importProcedures(ctx.deps.db, seedPath('procedures', 'national-2026', 'procedures.jsonl'));
    await seedAgencies(ctx.deps.db, { provinceCode: '01', date: '2026-03-02', seedDir: seedPath() });
    await seedDemoAccounts(ctx.deps);
    await confirmCalendarYear(ctx.deps, { provinceCode: '01', year: 2026, actor: 'test', expectedRevision: 0 });
    for (const year of [2027, 2028, 2029]) await confirmCalendarYear(ctx.deps, { provinceCode: '01', year, actor: 'test', expectedRevision: 0 });
    server = await startServer(ctx.deps);
    const agencies = await (await desk()).get('/api/agencies?unit=00004');
    commune = agencies.body.items[0].id;
    // 1.002211 "Thủ tục công nhận hòa giải viên (cấp xã)": 5 working days, a commune procedure.
    procedureId = (await (await desk()).get('/api/procedures?q=1.002211')).body.items[0].id;
  });
  after(async () => {
    await server.stop();
    await ctx.close();
  });

  it('receives a walk-in dossier at once with its code and appointment, and a retry returns the same dossier', async () => {
    const client = await desk();
    const requestId = randomUUID();
    const first = await walkIn(client, requestId);
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'received');
    assert.equal(first.body.nationalStatus, 2);
    assert.equal(first.body.code, 'TMP.P01.X00004-260302-0001');
    assert.equal(first.body.dueAt, '2026-03-09T09:00:00+07:00');
    assert.deepEqual(first.body.duration, { value: 5, unit: 'working_days' });
    const retry = await walkIn(client, requestId);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.id, first.body.id);
  });

  it('gives concurrent receipts distinct codes with no gaps', async () => {
    const client = await desk();
    const results = await Promise.all(Array.from({ length: 20 }, () => walkIn(client)));
    assert.ok(results.every((r) => r.status === 201));
    const numbers = results.map((r) => Number(r.body.code.slice(-4))).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('walks an online dossier from submission to the returned result, each step by its role', async () => {
    const citizen = await login('demo.citizen');
    let dossier = (await citizen.post('/api/dossiers', { requestId: randomUUID(), procedureId, channel: 'online', receivingAgencyId: commune, applicant: APPLICANT })).body;
    assert.equal(dossier.status, 'submitted');
    assert.equal(dossier.nationalStatus, 1);
    assert.equal(dossier.code, null);
    assert.equal(dossier.acceptanceDueAt, '2026-03-03T09:00:00+07:00');
    assert.deepEqual(dossier.allowedActions, ['withdraw']);

    const deskClient = await desk();
    const handler = await login('demo.handler');
    const leader = await login('demo.leader');
    const clerk = await login('demo.clerk');
    const handlerId = (await handler.get('/api/auth/me')).body.id;

    const refusedByRole = await act(handler, dossier, 'receive');
    assert.equal(refusedByRole.status, 403);
    dossier = (await act(deskClient, dossier, 'receive')).body;
    assert.equal(dossier.status, 'received');
    assert.match(dossier.code, /^TMP\.P01\.X00004-260302-\d{4}$/);
    assert.equal(dossier.currentStep, 'intake');
    const notYours = await act(handler, dossier, 'forward');
    assert.equal(notYours.status, 403, 'a handler cannot forward a received dossier');
    dossier = (await act(deskClient, dossier, 'forward', { note: 'Chuyển phòng chuyên môn' })).body;
    assert.equal(dossier.currentStep, 'appraise');
    dossier = (await act(leader, dossier, 'assign', { assigneeId: handlerId })).body;
    assert.equal(dossier.status, 'in_progress');
    assert.equal(dossier.assigneeId, handlerId);
    const wrongStep = await act(leader, dossier, 'forward');
    assert.equal(wrongStep.status, 409);
    assert.equal(wrongStep.body.error.details.rule, 'step_role');
    dossier = (await act(handler, dossier, 'forward', { note: 'Đủ điều kiện, trình lãnh đạo' })).body;
    assert.equal(dossier.currentStep, 'approve');
    dossier = (await act(leader, dossier, 'approve')).body;
    assert.equal(dossier.status, 'approved');
    const noNumber = await act(clerk, dossier, 'issue_result');
    assert.equal(noNumber.status, 400);
    assert.equal(noNumber.body.error.details.issues[0].path, 'body.resultNumber');
    clock.set('2026-03-04T03:00:00Z');
    dossier = (await act(clerk, dossier, 'issue_result', { resultNumber: '12/QĐ-UBND' })).body;
    assert.equal(dossier.status, 'result_ready');
    assert.equal(dossier.nationalStatus, 9);
    assert.equal(dossier.timing, 'early');
    dossier = (await act(deskClient, dossier, 'return_result', { method: 'in_person' })).body;
    assert.equal(dossier.status, 'returned');
    assert.equal(dossier.nationalStatus, 10);

    const full = await citizen.get(`/api/dossiers/${dossier.id}`);
    assert.deepEqual(full.body.timeline.map((a: { type: string }) => a.type), ['submit', 'receive', 'forward', 'assign', 'forward', 'approve', 'issue_result', 'return_result']);
    assert.equal(full.body.currentStep, null);
    const back = await citizen.get(`/api/dossiers/${dossier.id}`);
    assert.equal(back.body.timeline[4].payload.fromStep, 'appraise');
    const tracked = await new TestClient(server.url).get(`/api/track/${dossier.code}?phone=0111`);
    assert.equal(tracked.status, 200);
    assert.equal(tracked.body.status, 'returned');
    assert.equal(tracked.body.procedure.code, '1.002211');
    assert.equal(tracked.body.applicant, undefined, 'no personal data without login');
    assert.equal((await new TestClient(server.url).get(`/api/track/${dossier.code}?phone=9999`)).status, 404);
    clock.set('2026-03-02T02:00:00Z');
  });

  it('answers a stale version with 409, an impossible action with the allowed ones, and a retried request with the first result', async () => {
    const client = await desk();
    const dossier = (await walkIn(client)).body;
    const requestId = randomUUID();
    const first = await client.post(`/api/dossiers/${dossier.id}/actions`, { type: 'request_supplement', requestId, version: dossier.version, missing: ['Bản sao CCCD'] });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'awaiting_supplement');
    assert.equal(first.body.dueAt, null, 'the clock is paused');
    const retry = await client.post(`/api/dossiers/${dossier.id}/actions`, { type: 'request_supplement', requestId, version: dossier.version, missing: ['Bản sao CCCD'] });
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replay'), 'true');
    assert.equal(retry.body.version, first.body.version);
    const stale = await act(client, dossier, 'submit_supplement');
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.rule, 'stale_version');
    const impossible = await act(client, first.body, 'return_result', { method: 'in_person' });
    assert.equal(impossible.status, 409);
    assert.deepEqual(impossible.body.error.details.allowedActions, ['submit_supplement', 'close_unsupplemented', 'withdraw']);
  });

  it('restarts the clock after a supplement and refuses a second request', async () => {
    const client = await desk();
    let dossier = (await walkIn(client)).body;
    dossier = (await act(client, dossier, 'request_supplement', { missing: ['Giấy xác nhận'] })).body;
    clock.set('2026-03-04T02:00:00Z'); // Wednesday 09:00
    dossier = (await act(client, dossier, 'submit_supplement')).body;
    assert.equal(dossier.status, 'in_progress');
    assert.equal(dossier.dueAt, '2026-03-11T09:00:00+07:00');
    assert.equal(dossier.firstDueAt, '2026-03-09T09:00:00+07:00');
    const second = await act(client, dossier, 'request_supplement', { missing: ['Thêm giấy tờ'] });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.details.rule, 'supplement_once');
    clock.set('2026-03-02T02:00:00Z');
  });

  it('takes an apology and new date once, and refuses one asked less than a working day before the deadline', async () => {
    const client = await desk();
    const leader = await login('demo.leader');
    let dossier = (await walkIn(client)).body;
    clock.set('2026-03-06T08:00:00Z'); // Friday 15:00: 3.5 working hours before Monday 09:00
    const late = await act(leader, dossier, 'extend', { newDueAt: '2026-03-12T17:00:00+07:00', reason: 'Cần xác minh thêm' });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.details.rule, 'extension_too_late');
    clock.set('2026-03-04T02:00:00Z');
    dossier = (await act(leader, dossier, 'extend', { newDueAt: '2026-03-12T17:00:00+07:00', reason: 'Cần xác minh thêm' })).body;
    assert.equal(dossier.dueAt, '2026-03-12T17:00:00+07:00');
    const again = await act(leader, dossier, 'extend', { newDueAt: '2026-03-13T17:00:00+07:00', reason: 'Lần hai' });
    assert.equal(again.body.error.details.rule, 'extension_once');
    clock.set('2026-03-02T02:00:00Z');
  });

  it('hides dossiers from those outside them: another citizen and an officer of another agency get 404', async () => {
    const citizen = await login('demo.citizen');
    const own = (await citizen.post('/api/dossiers', { requestId: randomUUID(), procedureId, channel: 'online', receivingAgencyId: commune, applicant: APPLICANT })).body;
    const other = new TestClient(server.url);
    await other.post('/api/auth/register', { username: 'nguoi.khac@example.com', password: 'mat-khau-dai', displayName: 'Người khác (thử nghiệm)' });
    await other.login('nguoi.khac@example.com', 'mat-khau-dai');
    assert.equal((await other.get(`/api/dossiers/${own.id}`)).status, 404);
    assert.equal((await act(other, own, 'withdraw', { reason: 'x' })).status, 404);
    assert.equal((await other.get('/api/dossiers')).body.total, 0);
    const mine = await citizen.get('/api/dossiers');
    assert.ok(mine.body.items.every((d: { applicant: { name: string } }) => d.applicant.name === APPLICANT.name));
    const withdrawn = await act(citizen, own, 'withdraw', { reason: 'Không còn nhu cầu' });
    assert.equal(withdrawn.body.status, 'withdrawn');
  });

  it('lists the agency inbox for an officer with search that ignores diacritics', async () => {
    const client = await desk();
    const found = await client.get(`/api/dossiers?q=${encodeURIComponent('nguyen thi thu nghiem')}&status=received`);
    assert.equal(found.status, 200);
    assert.ok(found.body.total > 0);
    assert.ok(found.body.items.every((d: { status: string }) => d.status === 'received'));
  });
});
