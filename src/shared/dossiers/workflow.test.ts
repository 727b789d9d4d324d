import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CALENDAR_SETTINGS } from '../calendar/settings.ts';
import { HOUR_MS } from '../calendar/vietnam-time.ts';
import { checkWorkflow, defaultWorkflow, nextStep, stepSpans, type WorkflowStep } from './workflow.ts';

const settings = DEFAULT_CALENDAR_SETTINGS;
const fiveDays = 5 * 8 * HOUR_MS;

describe('internal workflows', () => {
  it('seeds desk → handler → leader → clerk → desk within the legal duration', () => {
    const steps = defaultWorkflow(fiveDays, settings);
    assert.deepEqual(steps.map((s) => `${s.key}:${s.role}`), ['intake:desk', 'appraise:handler', 'approve:leader', 'issue:clerk', 'return:desk']);
    assert.deepEqual(checkWorkflow(steps, fiveDays, settings), []);
    const total = steps.reduce((sum, s) => sum + s.budget.value, 0);
    assert.ok(total <= 40 && total > 39, `uses the 40 working hours (${total})`);
    assert.deepEqual(checkWorkflow(defaultWorkflow(2 * HOUR_MS, settings), 2 * HOUR_MS, settings), [], 'also for a 2-hour procedure');
  });

  it('names the step and the rule of each problem', () => {
    const steps: WorkflowStep[] = [
      { key: 'a', name: 'Tiếp nhận', role: 'desk', agency: { kind: 'receiving' }, budget: { value: 4, unit: 'working_hours' }, nationalStatus: 2, next: ['c'] },
      { key: 'b', name: 'Bước bị bỏ quên', role: 'handler', agency: { kind: 'competent' }, budget: { value: 1, unit: 'working_days' }, nationalStatus: 4 },
      { key: 'c', name: 'Phê duyệt', role: 'leader', agency: { kind: 'competent' }, budget: { value: 6, unit: 'working_days' }, nationalStatus: 4 },
    ];
    const problems = checkWorkflow(steps, fiveDays, settings);
    assert.deepEqual(problems.map((p) => `${p.path} ${p.rule}`), ['steps.1 unreachable', 'steps budget_over_legal']);
    assert.match(problems[1]!.message, /52 giờ làm việc.*40 giờ làm việc/);
  });

  it('rejects duplicate keys, unknown next steps, negative budgets and loops', () => {
    const base = { role: 'handler' as const, agency: { kind: 'competent' as const }, nationalStatus: 4 as const };
    assert.deepEqual(
      checkWorkflow([{ ...base, key: 'a', name: 'A', budget: { value: -1, unit: 'working_hours' }, next: ['z'] }, { ...base, key: 'a', name: 'B', budget: { value: 1, unit: 'working_hours' } }], fiveDays, settings).map((p) => p.rule),
      ['minimum', 'exists', 'unique'],
    );
    const loop = checkWorkflow([{ ...base, key: 'a', name: 'A', budget: { value: 1, unit: 'working_hours' }, next: ['b'] }, { ...base, key: 'b', name: 'B', budget: { value: 1, unit: 'working_hours' }, next: ['a'] }], fiveDays, settings);
    assert.deepEqual(loop.map((p) => p.rule), ['cycle']);
  });
});

describe('moving through a workflow', () => {
  const steps = defaultWorkflow(fiveDays, settings);
  it('goes to the next step, or a chosen allowed one, and ends after the last', () => {
    assert.equal(nextStep(steps, 'intake')?.key, 'appraise');
    assert.equal(nextStep(steps, 'return'), null);
    assert.equal(nextStep(steps, 'intake', 'issue'), undefined, 'not an allowed next step');
    assert.equal(nextStep(steps, 'nowhere'), undefined);
  });

  it('reads the time spent at each step from the log', () => {
    const spans = stepSpans(steps, [
      { at: 0, actorId: 'desk', payload: { toStep: 'intake' } },
      { at: 10, actorId: 'desk', payload: { fromStep: 'intake', toStep: 'appraise' } },
      { at: 15, actorId: 'x', payload: { note: 'no move' } },
      { at: 30, actorId: 'handler', payload: { fromStep: 'appraise', toStep: 'approve' } },
    ]);
    assert.deepEqual(spans.map((s) => [s.key, s.startedAt, s.endedAt, s.actorId]), [
      ['intake', 0, 10, 'desk'],
      ['appraise', 10, 30, 'handler'],
      ['approve', 30, null, null],
    ]);
  });
});
