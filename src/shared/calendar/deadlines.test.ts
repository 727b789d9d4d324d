import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDuration,
  checkDuration,
  checkExtension,
  checkSupplementRequest,
  classifyFinished,
  classifyForIndex,
  classifyOpen,
  computeDeadline,
  computeDossierClock,
  onlineAcceptanceDue,
  paperTransferDue,
  supplementAutoCloseAt,
  type Duration,
} from './deadlines.ts';
import { ruleCalendar, vn } from './test-calendar.ts';
import { formatVietnamIso, HOUR_MS } from './vietnam-time.ts';
import { CalendarRangeError } from './working-calendar.ts';

const calendar = ruleCalendar([2023, 2024, 2025, 2026, 2027]);
const iso = formatVietnamIso;
const due = (received: string, duration: Duration, cal = calendar) => iso(computeDeadline(cal, vn(received), duration).dueAt);
const wd = (value: number): Duration => ({ value, unit: 'working_days' });

describe('deadlines in working time', () => {
  const cases: [string, string, Duration, string][] = [
    ['a dossier received at 16:59 on the Friday before Tết 2026, 1 working day', '2026-02-13 16:59', wd(1), '2026-02-23T16:59:00+07:00'],
    ['the same dossier, 3 working days', '2026-02-13 16:59', wd(3), '2026-02-25T16:59:00+07:00'],
    ['received after closing time: starts the next morning', '2026-03-10 18:00', wd(1), '2026-03-11T17:00:00+07:00'],
    ['received at lunch: starts at 13:00', '2026-03-10 12:00', { value: 4, unit: 'working_hours' }, '2026-03-10T17:00:00+07:00'],
    ['received on a Saturday: starts Monday 07:30', '2026-03-07 10:00', { value: 2, unit: 'working_hours' }, '2026-03-09T09:30:00+07:00'],
    ['skips the compensatory Monday after Giỗ Tổ on a Sunday (27/04/2026)', '2026-04-24 10:00', wd(1), '2026-04-28T10:00:00+07:00'],
    ['5 working days over a weekend', '2026-03-02 09:00', wd(5), '2026-03-09T09:00:00+07:00'],
    ['a morning hand-off ends at 11:30, not 13:00', '2026-03-10 07:30', { value: 4, unit: 'working_hours' }, '2026-03-10T11:30:00+07:00'],
    ['plain "giờ" count as working hours by default: 24 h = 3 working days', '2026-03-02 09:00', { value: 24, unit: 'hours' }, '2026-03-05T09:00:00+07:00'],
    ['calendar days ending on Sunday (Giỗ Tổ) move past the compensatory Monday to Tuesday\'s close', '2026-04-24 10:00', { value: 2, unit: 'calendar_days' }, '2026-04-28T17:00:00+07:00'],
    ['calendar days ending on a working day keep the time', '2026-03-02 09:00', { value: 10, unit: 'calendar_days' }, '2026-03-12T09:00:00+07:00'],
    ['one month from 30 January ends on the last day of February, a Saturday: Monday\'s close', '2026-01-30 09:00', { value: 1, unit: 'months' }, '2026-03-02T17:00:00+07:00'],
    ['zero duration: the next working moment', '2026-03-07 10:00', wd(0), '2026-03-09T07:30:00+07:00'],
  ];
  for (const [name, received, duration, expected] of cases) {
    it(name, () => assert.equal(due(received, duration), expected));
  }

  it('lets a province allow calendar-day deadlines on non-working days', () => {
    const lenient = ruleCalendar([2026], { settings: { calendarDeadlineMayEndOnNonWorkingDay: true } });
    assert.equal(due('2026-04-24 10:00', { value: 2, unit: 'calendar_days' }, lenient), '2026-04-26T10:00:00+07:00');
  });

  it('counts working days as whole days to the close of the N-th next working day when set to', () => {
    const wholeDays = ruleCalendar([2026], { settings: { workingDayMode: 'end_of_day' } });
    assert.equal(due('2026-03-10 10:00', wd(2), wholeDays), '2026-03-12T17:00:00+07:00');
  });

  it('honours an announced make-up Saturday and an extra day off', () => {
    const swapped = ruleCalendar([2026], {
      entries: [
        { date: '2026-03-09', kind: 'day_off', name: 'Nghỉ hoán đổi (thử nghiệm)' },
        { date: '2026-03-07', kind: 'make_up_workday', name: 'Làm bù (thử nghiệm)' },
      ],
    });
    assert.equal(due('2026-03-06 09:00', wd(2), swapped), '2026-03-10T09:00:00+07:00');
  });

  it('flags a deadline in a year whose calendar is not confirmed as provisional', () => {
    const partly = ruleCalendar([2026, 2027], { unconfirmed: [2027] });
    assert.equal(computeDeadline(partly, vn('2026-03-02 09:00'), wd(5)).provisional, false);
    assert.equal(computeDeadline(partly, vn('2026-12-29 09:00'), wd(5)).provisional, true);
  });

  it('refuses to guess beyond the years it has', () => {
    assert.throws(() => computeDeadline(ruleCalendar([2026]), vn('2026-12-30 09:00'), wd(5)), CalendarRangeError);
  });

  it('rejects negative, unknown and fractional-month durations', () => {
    assert.equal(checkDuration({ value: -1, unit: 'working_days' }), 'the value must not be negative');
    assert.match(checkDuration({ value: 1, unit: 'weeks' as never }) ?? '', /unknown unit/);
    assert.equal(checkDuration({ value: 1.5, unit: 'months' }), 'months must be a whole number');
    assert.equal(checkDuration({ value: 1.5, unit: 'working_days' }), undefined);
  });
});

describe('transfer and acceptance timers', () => {
  it('transfers a paper dossier the same day before 15:00, and by 08:30 the next working day after', () => {
    assert.equal(iso(paperTransferDue(calendar, vn('2026-03-10 14:59'))), '2026-03-10T17:00:00+07:00');
    assert.equal(iso(paperTransferDue(calendar, vn('2026-03-10 15:01'))), '2026-03-11T08:30:00+07:00');
    assert.equal(iso(paperTransferDue(calendar, vn('2026-02-13 16:00'))), '2026-02-23T08:30:00+07:00');
    assert.equal(iso(paperTransferDue(calendar, vn('2026-03-07 09:00'))), '2026-03-09T08:30:00+07:00');
  });

  it('gives an online dossier 8 working hours for acceptance', () => {
    assert.equal(iso(onlineAcceptanceDue(calendar, vn('2026-03-06 20:00'))), '2026-03-09T17:00:00+07:00');
  });
});

describe('pauses and the two clocks', () => {
  const base = { receivedAt: vn('2026-03-02 09:00'), duration: wd(5) };

  it('restarts the legal period from zero after a supplement, and subtracts the pause in the index', () => {
    const clock = computeDossierClock(calendar, {
      ...base,
      pauses: [{ reason: 'supplement', startedAt: vn('2026-03-04 10:00'), endedAt: vn('2026-03-16 14:00') }],
    });
    assert.equal(iso(clock.firstDueAt), '2026-03-09T09:00:00+07:00');
    assert.equal(iso(clock.legalDueAt!), '2026-03-23T14:00:00+07:00');
    assert.equal(iso(clock.indexDueAt), '2026-03-21T13:00:00+07:00');
    assert.equal(classifyFinished(vn('2026-03-20 16:00'), clock.legalDueAt!, 'minute'), 'early');
    assert.equal(classifyForIndex(clock, vn('2026-03-20 16:00'), vn('2026-03-31 00:00'), 'minute'), 'early');
    assert.equal(classifyForIndex(clock, vn('2026-03-23 09:00'), vn('2026-03-31 00:00'), 'minute'), 'late');
  });

  it('only pauses the clock when the province does not restart it', () => {
    const pausing = ruleCalendar([2026], { settings: { supplementRestartsClock: false } });
    const clock = computeDossierClock(pausing, {
      ...base,
      pauses: [{ reason: 'supplement', startedAt: vn('2026-03-04 10:00'), endedAt: vn('2026-03-05 10:00') }],
    });
    assert.equal(iso(clock.legalDueAt!), '2026-03-10T09:00:00+07:00');
  });

  it('moves the deadline by the working time spent waiting for a payment', () => {
    const clock = computeDossierClock(calendar, {
      ...base,
      pauses: [{ reason: 'financial_obligation', startedAt: vn('2026-03-03 09:00'), endedAt: vn('2026-03-05 09:00') }],
    });
    assert.equal(iso(clock.legalDueAt!), '2026-03-11T09:00:00+07:00');
  });

  it('has no legal deadline while paused, and remembers the working time that was left', () => {
    const clock = computeDossierClock(calendar, {
      ...base,
      pauses: [{ reason: 'supplement', startedAt: vn('2026-03-06 09:00'), endedAt: null }],
    });
    assert.equal(clock.legalDueAt, null);
    assert.equal(clock.isPaused, true);
    assert.equal(clock.remainingWhenPaused, 8 * HOUR_MS);
    assert.equal(classifyOpen(vn('2026-04-30 09:00'), clock.legalDueAt, 'minute'), 'within_deadline');
    // 766: a dossier still waiting for a supplement ends, for the index, when the supplement was requested.
    assert.equal(classifyForIndex(clock, null, vn('2026-04-30 09:00'), 'minute'), 'early');
  });

  it('counts a dossier with a second supplement request as late in the index, and refuses the request', () => {
    const clock = computeDossierClock(calendar, {
      ...base,
      pauses: [
        { reason: 'supplement', startedAt: vn('2026-03-03 09:00'), endedAt: vn('2026-03-03 15:00') },
        { reason: 'supplement', startedAt: vn('2026-03-04 09:00'), endedAt: vn('2026-03-04 15:00') },
      ],
    });
    assert.equal(clock.indexForcedLate, true);
    assert.equal(classifyForIndex(clock, vn('2026-03-05 09:00'), vn('2026-03-31 00:00'), 'minute'), 'late');
    const second = checkSupplementRequest(calendar, { startsAt: vn('2026-03-02 09:00'), requestedAt: vn('2026-03-04 09:00'), previousRequests: 1 });
    assert.equal(second?.rule, 'supplement_once');
  });

  it('allows a supplement request only within 3 working days of receipt', () => {
    const startsAt = vn('2026-03-02 09:00');
    assert.equal(checkSupplementRequest(calendar, { startsAt, requestedAt: vn('2026-03-05 09:00'), previousRequests: 0 }), undefined);
    assert.equal(checkSupplementRequest(calendar, { startsAt, requestedAt: vn('2026-03-05 09:01'), previousRequests: 0 })?.rule, 'supplement_window');
  });

  it('closes an unsupplemented dossier 15 calendar days after the notice', () => {
    assert.equal(iso(supplementAutoCloseAt(calendar, vn('2026-03-04 10:00'))), '2026-03-19T10:00:00+07:00');
  });

  it('takes the extended date once, and refuses one asked too late, twice, or not later', () => {
    const currentDueAt = vn('2026-03-09 09:00');
    const newDueAt = vn('2026-03-12 17:00');
    assert.equal(checkExtension(calendar, { currentDueAt, requestedAt: vn('2026-03-05 09:00'), newDueAt, previousExtensions: 0 }), undefined);
    assert.equal(checkExtension(calendar, { currentDueAt, requestedAt: vn('2026-03-06 10:00'), newDueAt, previousExtensions: 0 })?.rule, 'extension_too_late');
    assert.equal(checkExtension(calendar, { currentDueAt, requestedAt: vn('2026-03-05 09:00'), newDueAt, previousExtensions: 1 })?.rule, 'extension_once');
    assert.equal(checkExtension(calendar, { currentDueAt, requestedAt: vn('2026-03-05 09:00'), newDueAt: currentDueAt, previousExtensions: 0 })?.rule, 'extension_not_later');
    const clock = computeDossierClock(calendar, { ...base, pauses: [], extension: { requestedAt: vn('2026-03-05 09:00'), newDueAt } });
    assert.equal(iso(clock.legalDueAt!), '2026-03-12T17:00:00+07:00');
    assert.equal(iso(clock.indexDueAt), '2026-03-09T09:00:00+07:00', 'the index keeps the first appointment by default');
  });
});

describe('classification', () => {
  const dueAt = vn('2026-03-09 09:00');
  it('is early before the appointment day, on time on it, late after the appointment', () => {
    assert.equal(classifyFinished(vn('2026-03-06 16:00'), dueAt, 'minute'), 'early');
    assert.equal(classifyFinished(vn('2026-03-09 08:00'), dueAt, 'minute'), 'on_time');
    assert.equal(classifyFinished(vn('2026-03-09 09:00'), dueAt, 'minute'), 'on_time');
    assert.equal(classifyFinished(vn('2026-03-09 09:01'), dueAt, 'minute'), 'late');
    assert.equal(classifyFinished(vn('2026-03-09 16:00'), dueAt, 'date'), 'on_time');
    assert.equal(classifyFinished(vn('2026-03-10 07:31'), dueAt, 'date'), 'late');
  });

  it('sees an open dossier as overdue once the appointment has passed', () => {
    assert.equal(classifyOpen(vn('2026-03-09 09:00'), dueAt, 'minute'), 'within_deadline');
    assert.equal(classifyOpen(vn('2026-03-09 09:30'), dueAt, 'minute'), 'overdue');
    assert.equal(classifyOpen(vn('2026-03-09 16:30'), dueAt, 'date'), 'within_deadline');
  });
});

describe('addDuration', () => {
  it('is the same deadline whether the start is a clock start or not', () => {
    assert.equal(addDuration(calendar, vn('2026-03-10 07:30'), wd(1)), addDuration(calendar, vn('2026-03-09 20:00'), wd(1)));
  });
});
