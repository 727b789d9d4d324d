import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateRuleDays, mergeCalendarDays } from './holiday-rules.ts';
import { DEFAULT_CALENDAR_SETTINGS } from './settings.ts';

const days = (year: number) => generateRuleDays(year, DEFAULT_CALENDAR_SETTINGS).map((d) => `${d.date} ${d.kind}`);

describe('holidays by rule (Labour Code Art. 112, 111.3)', () => {
  it('lists the eleven holidays of 2026 with Tết around 17/02 and the Hùng Kings on 26/04', () => {
    assert.deepEqual(days(2026), [
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory_day_off',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-02 holiday',
      '2026-09-03 holiday',
    ]);
  });

  it('gives the next free working days off after the block when holidays fall on a weekend (29/04–03/05/2023)', () => {
    // Giỗ Tổ fell on Saturday 29/04 and 30/04 on Sunday: the government gave 02/05 and 03/05 off.
    const may2023 = days(2023).filter((d) => d >= '2023-04-29' && d <= '2023-05-31');
    assert.deepEqual(may2023, [
      '2023-04-29 holiday',
      '2023-04-30 holiday',
      '2023-05-01 holiday',
      '2023-05-02 compensatory_day_off',
      '2023-05-03 compensatory_day_off',
    ]);
  });

  it('adds the National Day extra day next to a weekend: 01/09 in 2025 (2/9 a Tuesday), 03/09 in 2024 (a Monday)', () => {
    assert.ok(days(2025).includes('2025-09-01 holiday'));
    assert.ok(days(2024).includes('2024-09-03 holiday'));
    assert.ok(days(2023).includes('2023-09-01 holiday'), '2/9/2023 was a Saturday: Friday 1/9 off');
    assert.ok(days(2023).includes('2023-09-04 compensatory_day_off'), 'and Monday 4/9 for the Saturday');
  });

  it('lets the administrator\'s dated entries override the rules', () => {
    const merged = mergeCalendarDays(generateRuleDays(2025, DEFAULT_CALENDAR_SETTINGS), [
      { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
      { date: '2025-04-26', kind: 'make_up_workday', name: 'Làm bù cho 02/05' },
    ]);
    assert.deepEqual(
      merged.filter((d) => d.date >= '2025-04-26' && d.date <= '2025-05-02').map((d) => `${d.date} ${d.kind}`),
      ['2025-04-26 make_up_workday', '2025-04-30 holiday', '2025-05-01 holiday', '2025-05-02 day_off'],
    );
  });
});
