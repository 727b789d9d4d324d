import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import type { TestClient } from '../../testing/http-client.ts';

// The officer workspace's API over HTTP: whom a leader may assign, the inbox's deadline filters and counts, Form
// 05's hand-offs as data, and returning several results by post at once with per-dossier outcomes.
describe('officer workspace API', () => {
  const clock = fixedClock('2026-11-23T03:00:00Z'); // Monday 10:00 in Hanoi
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  let desk: TestClient, handler: TestClient, leader: TestClient, clerk: TestClient, citizen: TestClient;
  let handlerId: string;

  before(async () => {
    fx = await setupLifecycle(clock);
    [desk, handler, leader, clerk, citizen] = await Promise.all([fx.login('demo.desk'), fx.login('demo.handler'), fx.login('demo.leader'), fx.login('demo.clerk'), fx.login('demo.citizen')]);
    handlerId = (await handler.get('/api/auth/me')).body.id;
  });
  after(() => fx.close());

  const walkIn = async (name: string) => {
    const r = await desk.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: fx.procedureId,
      channel: 'in_person',
      receivingAgencyId: fx.commune,
      applicant: { name, phone: '0912345678' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const ok = async (client: TestClient, d: { id: string; version: number }, type: string, fields: Record<string, unknown> = {}) => {
    const r = await fx.act(client, d, type, fields);
    assert.equal(r.status, 200, `${type}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** A walk-in dossier taken through the default workflow to "result ready". */
  const resultReady = async (name: string) => {
    let d = await walkIn(name);
    d = await ok(desk, d, 'forward');
    d = await ok(leader, d, 'assign', { assigneeId: handlerId });
    d = await ok(handler, d, 'forward');
    d = await ok(leader, d, 'approve');
    d = await ok(clerk, d, 'issue_result', { resultNumber: `${name.length}/QĐ-UBND` });
    assert.equal(d.status, 'result_ready');
    return d;
  };

  it('lists the handlers of the competent agency by name, only for a leader', async () => {
    const d = await walkIn('Người Phân Công (thử nghiệm)');
    const list = await leader.get(`/api/dossiers/${d.id}/assignees`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.deepEqual(
      list.body.items.map((a: { id: string; displayName: string }) => [a.id, a.displayName]),
      [[handlerId, 'Lê Văn Thụ Lý (demo)']],
    );
    assert.equal(list.body.assigneeId, null);
    assert.equal((await desk.get(`/api/dossiers/${d.id}/assignees`)).status, 403);
    assert.equal((await handler.get(`/api/dossiers/${d.id}/assignees`)).status, 403);
    assert.equal((await citizen.get(`/api/dossiers/${d.id}/assignees`)).status, 404);
    const assigned = await ok(leader, d, 'assign', { assigneeId: list.body.items[0].id });
    assert.equal(assigned.assigneeId, handlerId);
    assert.equal((await leader.get(`/api/dossiers/${d.id}/assignees`)).body.assigneeId, handlerId);
  });

  it('filters the inbox on due today and overdue by the Vietnam day of the legal clock, and counts the tabs', async () => {
    const filed = await citizen.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: fx.procedureId,
      channel: 'online',
      receivingAgencyId: fx.commune,
      applicant: { name: 'Hạn Tiếp Nhận (thử nghiệm)', phone: '0912000111' },
    });
    assert.equal(filed.status, 201);
    const ids = async (query: string) => ((await desk.get(`/api/dossiers?${query}`)).body.items as { id: string }[]).map((d) => d.id);
    // Filed Monday 10:00: 8 working hours to accept, so due Tuesday 10:00.
    assert.equal(filed.body.acceptanceDueAt, '2026-11-24T10:00:00+07:00');
    assert.ok(!(await ids('due=today')).includes(filed.body.id));
    const row = async () =>
      (
        (await desk.get('/api/dossiers?status=submitted')).body.items as {
          id: string;
          acceptanceWorkingMinutesLeft: number | null;
        }[]
      ).find((d) => d.id === filed.body.id);
    assert.equal((await row())?.acceptanceWorkingMinutesLeft, 8 * 60);
    const before = (await desk.get('/api/dossiers/inbox-counts')).body;
    clock.set('2026-11-24T01:00:00Z'); // Tuesday 08:00
    try {
      assert.ok((await ids('due=today')).includes(filed.body.id));
      assert.ok(!(await ids('due=overdue')).includes(filed.body.id));
      assert.equal((await row())?.acceptanceWorkingMinutesLeft, 2 * 60, 'Tuesday 08:00 → 10:00');
      const counts = (await desk.get('/api/dossiers/inbox-counts')).body;
      assert.equal(counts.dueToday, before.dueToday + 1);
      assert.equal(counts.submitted, (await desk.get('/api/dossiers?status=submitted')).body.total);
      assert.equal(counts.all, (await desk.get('/api/dossiers')).body.total);
      clock.set('2026-11-24T04:00:00Z'); // Tuesday 11:00: past the acceptance deadline
      assert.ok(!(await ids('due=today')).includes(filed.body.id));
      assert.ok((await ids('due=overdue')).includes(filed.body.id));
      assert.equal((await row())?.acceptanceWorkingMinutesLeft, -60);
      assert.equal((await desk.get('/api/dossiers/inbox-counts')).body.overdue, (await desk.get('/api/dossiers?due=overdue')).body.total);
      assert.equal((await desk.get('/api/dossiers?due=someday')).status, 400);
      assert.equal((await citizen.get('/api/dossiers/inbox-counts')).status, 403);
    } finally {
      clock.set('2026-11-23T03:00:00Z');
    }
  });

  it('sorts the awaiting-acceptance tab by the acceptance deadline, soonest first', async () => {
    const file = async (name: string) => (await citizen.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'online', receivingAgencyId: fx.commune, applicant: { name } })).body;
    clock.set('2026-11-23T07:00:00Z'); // Monday 14:00: due Tuesday 14:00
    const later = await file('Nộp Sau (thử nghiệm)');
    clock.set('2026-11-23T01:00:00Z'); // Monday 08:00: due Monday 16:00
    const sooner = await file('Nộp Trước (thử nghiệm)');
    clock.set('2026-11-23T03:00:00Z');
    const items = (await desk.get('/api/dossiers?status=submitted&pageSize=100')).body.items as { id: string; acceptanceDueAt: string }[];
    const due = items.map((d) => Date.parse(d.acceptanceDueAt));
    assert.deepEqual(due, [...due].sort((a, b) => a - b));
    assert.ok(items.findIndex((d) => d.id === sooner.id) < items.findIndex((d) => d.id === later.id));
  });

  it("shows Form 05's hand-offs with their budgets and results", async () => {
    let d = await walkIn('Kiểm Soát Quá Trình (thử nghiệm)');
    clock.set('2026-11-23T05:00:00Z'); // 12:00: three working hours at the desk step (budget ½ day)
    try {
      d = await ok(desk, d, 'forward');
    } finally {
      clock.set('2026-11-23T03:00:00Z');
    }
    const steps = await leader.get(`/api/dossiers/${d.id}/steps`);
    assert.equal(steps.status, 200, JSON.stringify(steps.body));
    const [intake, appraisal] = steps.body.items;
    assert.equal(intake.role, 'desk');
    assert.equal(intake.actorName, 'Trần Thị Một Cửa (demo)');
    assert.equal(intake.endedAt, '2026-11-23T12:00:00+07:00');
    assert.equal(intake.result, 'early');
    assert.equal(appraisal.role, 'handler');
    assert.equal(appraisal.endedAt, null);
    assert.equal(appraisal.result, 'in_progress');
    assert.ok(appraisal.budget.value > 0);
    assert.equal((await citizen.get(`/api/dossiers/${d.id}/steps`)).status, 403);
  });

  it('returns several results by post, each in its own transaction, with per-dossier outcomes', async () => {
    const [a, b, c] = [await resultReady('Bưu Chính Một'), await resultReady('Bưu Chính Hai'), await resultReady('Bưu Chính Ba')];
    const items = [
      {
        dossierId: a.id,
        requestId: randomUUID(),
        version: a.version,
        fields: { method: 'post', waybillNumber: 'EB111111111VN' },
      },
      {
        dossierId: b.id,
        requestId: randomUUID(),
        version: b.version - 1,
        fields: { method: 'post', waybillNumber: 'EB222222222VN' },
      },
      {
        dossierId: c.id,
        requestId: randomUUID(),
        version: c.version,
        fields: { method: 'post', waybillNumber: 'EB333333333VN' },
      },
    ];
    const r = await desk.post('/api/dossiers/bulk-actions', { type: 'return_result', items });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.items.map((o: { ok: boolean }) => o.ok),
      [true, false, true],
    );
    assert.equal(r.body.items[0].dossier.status, 'returned');
    assert.equal(r.body.items[1].error.code, 'CONFLICT');
    assert.equal(r.body.items[1].error.details.rule, 'stale_version');
    // The refused one is untouched; the others carry their own waybill.
    assert.equal((await desk.get(`/api/dossiers/${b.id}`)).body.status, 'result_ready');
    const timeline = (await desk.get(`/api/dossiers/${c.id}`)).body.timeline;
    assert.deepEqual(timeline.at(-1).payload.waybillNumber, 'EB333333333VN');
    // Sending the same batch again replays the done ones instead of acting twice.
    const again = await desk.post('/api/dossiers/bulk-actions', { type: 'return_result', items });
    assert.deepEqual(
      again.body.items.map((o: { ok: boolean; replayed?: boolean }) => [o.ok, o.replayed ?? null]),
      [
        [true, true],
        [false, null],
        [true, true],
      ],
    );
    // The handler may not return results: each dossier says so.
    const d = await resultReady('Bưu Chính Bốn');
    const refused = await handler.post('/api/dossiers/bulk-actions', {
      type: 'return_result',
      items: [
        {
          dossierId: d.id,
          requestId: randomUUID(),
          version: d.version,
          fields: { method: 'post', waybillNumber: 'EB4' },
        },
      ],
    });
    assert.equal(refused.body.items[0].error.code, 'FORBIDDEN');
    const twice = await desk.post('/api/dossiers/bulk-actions', {
      type: 'return_result',
      items: [items[1], { ...items[1], requestId: randomUUID() }],
    });
    assert.equal(twice.status, 400);
    assert.equal(twice.body.error.details.issues[0].path, 'body.items.1.dossierId');
    assert.equal((await desk.post('/api/dossiers/bulk-actions', { type: 'approve', items })).status, 400);
  });
});
