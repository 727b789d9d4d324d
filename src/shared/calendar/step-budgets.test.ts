import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CALENDAR_SETTINGS } from './settings.ts';
import { checkStepBudgets, classifyStep, planStepDueTimes, type StepBudget } from './step-budgets.ts';
import { ruleCalendar, vn } from './test-calendar.ts';
import { formatVietnamIso, HOUR_MS } from './vietnam-time.ts';

const calendar = ruleCalendar([2026]);
const steps: StepBudget[] = [
  { name: 'Một cửa tiếp nhận', value: 4, unit: 'working_hours' },
  { name: 'Chuyên viên thụ lý', value: 2, unit: 'working_days' },
  { name: 'Lãnh đạo phê duyệt', value: 1, unit: 'working_days' },
  { name: 'Văn thư vào số', value: 4, unit: 'working_hours' },
  { name: 'Một cửa trả kết quả', value: 4, unit: 'working_hours' },
];

describe('per-step budgets', () => {
  it('accepts budgets that fit the legal duration and refuses ones that do not', () => {
    assert.deepEqual(checkStepBudgets(steps, 5 * 8 * HOUR_MS, DEFAULT_CALENDAR_SETTINGS), []);
    const over = checkStepBudgets(steps, 4 * 8 * HOUR_MS, DEFAULT_CALENDAR_SETTINGS);
    assert.equal(over[0]?.rule, 'budget_over_legal');
    assert.match(over[0]?.message ?? '', /36 giờ làm việc.*32 giờ làm việc/);
    assert.equal(checkStepBudgets([{ name: 'x', value: -1, unit: 'working_hours' }], HOUR_MS, DEFAULT_CALENDAR_SETTINGS)[0]?.step, 0);
  });

  it('plans each step\'s due time one after another from receipt', () => {
    const planned = planStepDueTimes(calendar, vn('2026-03-02 09:00'), steps).map(formatVietnamIso);
    assert.deepEqual(planned, [
      '2026-03-02T14:30:00+07:00',
      '2026-03-04T14:30:00+07:00',
      '2026-03-05T14:30:00+07:00',
      '2026-03-06T09:00:00+07:00',
      '2026-03-06T14:30:00+07:00',
    ]);
  });

  it('classifies each hand-off by minutes spent against minutes allotted (Form 05)', () => {
    const handler = steps[1]!;
    const started = vn('2026-03-02 14:30');
    assert.equal(classifyStep(calendar, handler, started, vn('2026-03-03 10:00'), vn('2026-03-31 00:00')).result, 'early');
    assert.equal(classifyStep(calendar, handler, started, vn('2026-03-04 14:00'), vn('2026-03-31 00:00')).result, 'early');
    assert.equal(classifyStep(calendar, handler, started, vn('2026-03-04 14:30'), vn('2026-03-31 00:00')).result, 'on_time');
    const late = classifyStep(calendar, handler, started, vn('2026-03-05 09:00'), vn('2026-03-31 00:00'));
    assert.equal(late.result, 'late');
    assert.equal(late.spentMs, 20 * HOUR_MS);
    assert.equal(classifyStep(calendar, handler, started, null, vn('2026-03-04 15:00')).result, 'overdue');
    assert.equal(classifyStep(calendar, handler, started, null, vn('2026-03-04 14:00')).result, 'in_progress');
  });
});
