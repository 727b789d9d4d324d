import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { inArray } from 'drizzle-orm';
import { agencies, officerRoles, users } from '../../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import type { TestClient } from '../../testing/http-client.ts';

// Consultations (parallel, each with a deadline and an answer), liên thông in sequence and in parallel, and transfer
// to another competent agency, over HTTP: records, access of the asked agencies, and the rules around them.
describe('consultations, inter-agency processing and transfer', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Hanoi
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  let desk: TestClient, handler: TestClient, leader: TestClient, police: TestClient, otherCommune: TestClient;
  let policeId: string, otherCommuneId: string, handlerId: string;

  before(async () => {
    fx = await setupLifecycle(clock);
    const db = fx.ctx.deps.db;
    const found = await db.select({ id: agencies.id, seedKey: agencies.seedKey }).from(agencies).where(inArray(agencies.seedKey, ['01:cong-an', '01:commune:00008']));
    policeId = found.find((a) => a.seedKey === '01:cong-an')!.id;
    otherCommuneId = found.find((a) => a.seedKey === '01:commune:00008')!.id;
    const passwordHash = await hashPassword('mat-khau-dai');
    for (const [username, agencyId, role] of [['cong.an.thu.ly', policeId, 'handler'], ['xa.khac.lanh.dao', otherCommuneId, 'leader']] as const) {
      const [user] = await db.insert(users).values({ kind: 'officer', username, displayName: `${username} (thử nghiệm)`, passwordHash }).returning();
      await db.insert(officerRoles).values({ userId: user!.id, agencyId, role });
    }
    [desk, handler, leader, police, otherCommune] = await Promise.all([
      fx.login('demo.desk'),
      fx.login('demo.handler'),
      fx.login('demo.leader'),
      fx.login('cong.an.thu.ly', 'mat-khau-dai'),
      fx.login('xa.khac.lanh.dao', 'mat-khau-dai'),
    ]);
    handlerId = (await handler.get('/api/auth/me')).body.id;
  });
  after(() => fx.close());

  /** A walk-in dossier at the commune, assigned and forwarded to the handler's step. */
  async function inProgress() {
    let d = (await desk.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'in_person', receivingAgencyId: fx.commune, applicant: { name: 'Nguyễn Thị Hỏi (thử nghiệm)', phone: '0912345678' } })).body;
    for (const [client, type, fields] of [[desk, 'forward', {}], [leader, 'assign', { assigneeId: handlerId }]] as const) {
      const r = await fx.act(client, d, type, fields);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      d = r.body;
    }
    return d;
  }
  const ok = async (client: TestClient, d: { id: string; version: number }, type: string, fields: Record<string, unknown>) => {
    const r = await fx.act(client, d, type, fields);
    assert.equal(r.status, 200, `${type}: ${JSON.stringify(r.body)}`);
    return r.body;
  };

  it('a parallel consultation: the asked agencies see the dossier, answer their own task; lateness is recorded', async () => {
    let d = await inProgress();
    assert.equal((await police.get(`/api/dossiers/${d.id}`)).status, 404, 'not consulted yet: invisible');
    d = await ok(handler, d, 'consult', { agencyIds: [policeId, otherCommuneId], question: 'Xác minh nơi cư trú của người nộp?', dueInWorkingDays: 2 });
    const view = (await handler.get(`/api/dossiers/${d.id}`)).body;
    assert.equal(view.tasks.length, 2);
    assert.deepEqual(view.tasks.map((t: any) => t.status), ['open', 'open']);
    // 2 working days from Monday 09:00 = Wednesday 09:00 Hanoi time.
    assert.equal(view.tasks[0].dueAt, '2026-03-04T09:00:00+07:00');
    const policeTask = view.tasks.find((t: any) => t.agencyId === policeId);
    const otherTask = view.tasks.find((t: any) => t.agencyId === otherCommuneId);

    const policeView = await police.get(`/api/dossiers/${d.id}`);
    assert.equal(policeView.status, 200, 'consulted agency sees the dossier');
    assert.deepEqual(policeView.body.allowedActions, ['answer_consultation']);
    const inbox = (await police.get('/api/dossiers?openTasks=true')).body;
    assert.deepEqual(inbox.items.map((i: any) => i.id), [d.id]);

    const wrong = await fx.act(police, d, 'answer_consultation', { taskId: otherTask.id, answer: 'Không phải của chúng tôi' });
    assert.equal(wrong.status, 403, 'a consulted agency answers only its own task');
    d = await ok(police, d, 'answer_consultation', { taskId: policeTask.id, answer: 'Đúng nơi cư trú.' });
    const twice = await fx.act(police, d, 'answer_consultation', { taskId: policeTask.id, answer: 'Lần hai' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.details.rule, 'task_not_open');
    assert.equal((await police.get('/api/dossiers?openTasks=true')).body.total, 0);

    clock.set('2026-03-05T02:00:00Z'); // Thursday: the other commune is a day late
    d = await ok(otherCommune, d, 'answer_consultation', { taskId: otherTask.id, answer: 'Không có thông tin.' });
    const after = (await handler.get(`/api/dossiers/${d.id}`)).body;
    const answered = after.tasks.find((t: any) => t.id === otherTask.id);
    assert.equal(answered.status, 'answered');
    assert.equal(answered.overdue, true);
    assert.equal(after.tasks.find((t: any) => t.id === policeTask.id).overdue, false);
    const lastAction = after.timeline[after.timeline.length - 1];
    assert.equal(lastAction.type, 'answer_consultation');
    assert.equal(lastAction.payload.late, true);
    assert.equal(after.status, 'in_progress', 'consulting does not move the status');
    clock.set('2026-03-02T02:00:00Z');
  });

  it('a consultation needs a deadline, another agency and existing agencies (400 naming the field)', async () => {
    const d = await inProgress();
    const noDue = await fx.act(handler, d, 'consult', { agencyIds: [policeId], question: 'Câu hỏi?' });
    assert.equal(noDue.status, 400);
    assert.equal(noDue.body.error.details.issues[0].path, 'body.dueAt');
    const self = await fx.act(handler, d, 'consult', { agencyIds: [fx.commune], question: 'Câu hỏi?', dueInWorkingDays: 1 });
    assert.equal(self.status, 400);
    assert.equal(self.body.error.details.issues[0].rule, 'other_agency');
    const unknown = await fx.act(handler, d, 'consult', { agencyIds: [randomUUID()], question: 'Câu hỏi?', dueInWorkingDays: 1 });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details.issues[0].path, 'body.agencyIds.0');
    assert.equal((await handler.get(`/api/dossiers/${d.id}`)).body.tasks.length, 0, 'nothing half-written');
  });

  it('sequential liên thông opens each link after the one before; approval waits for all of them', async () => {
    let d = await inProgress();
    d = await ok(handler, d, 'request_inter_agency', {
      mode: 'sequential',
      tasks: [
        { agencyId: policeId, task: 'Xác nhận cư trú', dueInWorkingDays: 2 },
        { agencyId: otherCommuneId, task: 'Cập nhật sổ hộ tịch', dueInWorkingDays: 1 },
      ],
    });
    let tasks = (await handler.get(`/api/dossiers/${d.id}`)).body.tasks;
    assert.deepEqual(tasks.map((t: any) => [t.kind, t.mode, t.status]), [['inter_agency', 'sequential', 'open'], ['inter_agency', 'sequential', 'waiting']]);
    assert.equal(tasks[0].dueAt, '2026-03-04T09:00:00+07:00');
    assert.equal(tasks[1].dueAt, '2026-03-05T09:00:00+07:00', "the second link's day counts on from the first link's deadline");
    const early = await fx.act(otherCommune, d, 'answer_consultation', { taskId: tasks[1].id, answer: 'Xong' });
    assert.equal(early.status, 409, 'not its turn yet');

    // Move to the leader's step, where approval is checked.
    d = await ok(handler, d, 'forward', {});
    const blocked = await fx.act(leader, d, 'approve', {});
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.details.rule, 'open_inter_agency_tasks');

    d = await ok(police, d, 'answer_consultation', { taskId: tasks[0].id, answer: 'Đã xác nhận' });
    tasks = (await handler.get(`/api/dossiers/${d.id}`)).body.tasks;
    assert.equal(tasks[1].status, 'open');
    d = await ok(otherCommune, d, 'answer_consultation', { taskId: tasks[1].id, answer: 'Đã cập nhật' });
    d = await ok(leader, d, 'approve', {});
    assert.equal(d.status, 'approved');
  });

  it('parallel liên thông names a lead; the competent handler may record a paper answer on behalf', async () => {
    let d = await inProgress();
    const bad = await fx.act(handler, d, 'request_inter_agency', { mode: 'parallel', leadAgencyId: fx.commune, tasks: [{ agencyId: policeId, task: 'A', dueInWorkingDays: 1 }] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.issues[0].path, 'body.leadAgencyId');
    d = await ok(handler, d, 'request_inter_agency', {
      mode: 'parallel',
      leadAgencyId: otherCommuneId,
      tasks: [
        { agencyId: policeId, task: 'Xác minh', dueInWorkingDays: 3 },
        { agencyId: otherCommuneId, task: 'Chủ trì thẩm định', dueInWorkingDays: 3 },
      ],
    });
    const tasks = (await handler.get(`/api/dossiers/${d.id}`)).body.tasks;
    assert.deepEqual(tasks.map((t: any) => [t.status, t.isLead]), [['open', false], ['open', true]]);
    d = await ok(handler, d, 'answer_consultation', { taskId: tasks[0].id, answer: 'Công văn số 12/CA trả lời bằng giấy' });
    const timeline = (await handler.get(`/api/dossiers/${d.id}`)).body.timeline;
    assert.equal(timeline[timeline.length - 1].payload.onBehalf, true);
  });

  it('transfer to another competent agency: the new agency handles it, the old one no longer sees it', async () => {
    let d = await inProgress();
    const notOffered = await fx.act(leader, d, 'transfer_level', { agencyId: policeId, reason: 'Sai thẩm quyền' });
    assert.equal(notOffered.status, 400);
    assert.equal(notOffered.body.error.details.issues[0].rule, 'agency_procedure');
    d = await ok(leader, d, 'transfer_level', { agencyId: otherCommuneId, reason: 'Thuộc thẩm quyền phường khác' });
    assert.equal(d.competentAgencyId, otherCommuneId);
    assert.equal(d.assigneeId, null);
    assert.equal(d.receivingAgencyId, fx.commune, 'the receiving desk still returns the result');
    const theirs = await otherCommune.get(`/api/dossiers/${d.id}`);
    assert.equal(theirs.status, 200);
    assert.ok(theirs.body.allowedActions.includes('approve'));
    const handlerNow = await handler.get(`/api/dossiers/${d.id}`);
    assert.equal(handlerNow.status, 200, 'the demo handler still sees it as an officer of the receiving agency');
    assert.ok(!handlerNow.body.allowedActions.includes('forward'), 'but no longer handles it');
  });
});
