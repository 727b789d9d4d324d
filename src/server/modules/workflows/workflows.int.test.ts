import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

describe('internal workflows per procedure', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  before(async () => {
    fx = await setupLifecycle(fixedClock('2026-03-02T02:00:00Z'));
  });
  after(() => fx.close());

  const twoSteps = (approvalDays: number) => [
    { key: 'intake', name: 'Tiếp nhận', role: 'desk', agency: { kind: 'receiving' }, budget: { value: 4, unit: 'working_hours' }, nationalStatus: 2 },
    { key: 'approve', name: 'Thẩm định và phê duyệt', role: 'leader', agency: { kind: 'competent' }, budget: { value: approvalDays, unit: 'working_days' }, nationalStatus: 4 },
  ];

  it('serves the default workflow sized to the legal duration until one is saved', async () => {
    const client = await fx.login('demo.desk');
    const { status, body } = await client.get(`/api/procedures/${fx.procedureId}/workflow`);
    assert.equal(status, 200);
    assert.equal(body.isDefault, true);
    assert.deepEqual(body.steps.map((s: { role: string }) => s.role), ['desk', 'handler', 'leader', 'clerk', 'desk']);
  });

  it('refuses a workflow whose budgets exceed the 5 working days, naming the rule, and only from an administrator', async () => {
    const desk = await fx.login('demo.desk');
    assert.equal((await desk.request('PUT', `/api/procedures/${fx.procedureId}/workflow`, { provinceCode: '01', steps: twoSteps(4), expectedVersion: 0, actor: 'x' })).status, 401);
    const admin = await fx.login('demo.admin');
    const over = await admin.request('PUT', `/api/procedures/${fx.procedureId}/workflow`, { provinceCode: '01', steps: twoSteps(5), expectedVersion: 0, actor: 'demo.admin' });
    assert.equal(over.status, 400);
    assert.deepEqual(over.body.error.details.issues.map((i: { path: string; rule: string }) => `${i.path} ${i.rule}`), ['body.steps budget_over_legal']);
  });

  it('saves a version, freezes it on dossiers received afterwards, and refuses a stale save', async () => {
    const admin = await fx.login('demo.admin');
    const saved = await admin.request('PUT', `/api/procedures/${fx.procedureId}/workflow`, { provinceCode: '01', steps: twoSteps(4), expectedVersion: 0, actor: 'demo.admin', note: 'Rút gọn (thử nghiệm)' });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.version, 1);
    const stale = await admin.request('PUT', `/api/procedures/${fx.procedureId}/workflow`, { provinceCode: '01', steps: twoSteps(3), expectedVersion: 0, actor: 'demo.admin' });
    assert.equal(stale.status, 409);

    const desk = await fx.login('demo.desk');
    let dossier = (
      await desk.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'in_person', receivingAgencyId: fx.commune, applicant: { name: 'Người nộp thử nghiệm', phone: '0912000444' } })
    ).body;
    assert.deepEqual(dossier.workflow.map((s: { key: string }) => s.key), ['intake', 'approve']);
    dossier = (await fx.act(desk, dossier, 'forward')).body;
    assert.equal(dossier.currentStep, 'approve');
    const leader = await fx.login('demo.leader');
    dossier = (await fx.act(leader, dossier, 'return_previous', { note: 'Thiếu thông tin, trả lại một cửa' })).body;
    assert.equal(dossier.currentStep, 'intake');
  });
});
