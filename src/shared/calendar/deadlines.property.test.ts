import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDuration, clockStart, computeDossierClock } from './deadlines.ts';
import { ruleCalendar, vn } from './test-calendar.ts';
import { MINUTE_MS } from './vietnam-time.ts';

// Properties over random instants in 2025–2026 and random durations, on the rule calendar of 2024–2028.
const calendar = ruleCalendar([2024, 2025, 2026, 2027, 2028]);
const from = vn('2025-01-01 00:00');
const to = vn('2026-12-31 23:59');
const instant = fc.integer({ min: from, max: to });
const workingMinutes = fc.integer({ min: 0, max: 60 * 8 * 60 });
const runs = { numRuns: 2000, seed: 20261123 };

describe('legal clock properties', () => {
  it('never puts a deadline on a non-working moment', () => {
    fc.assert(
      fc.property(instant, workingMinutes, fc.constantFrom('working_hours', 'working_days', 'calendar_days', 'months'), (start, minutes, unit) => {
        const value = unit === 'months' ? minutes % 12 : unit === 'working_hours' ? minutes / 60 : minutes / 480;
        const due = addDuration(calendar, clockStart(calendar, start), { value, unit: unit as 'working_hours' });
        assert.ok(calendar.isWorkingMoment(due), `${new Date(due).toISOString()} from ${new Date(start).toISOString()} + ${value} ${unit}`);
      }),
      runs,
    );
  });

  it('adds a then b the same as a + b in working time', () => {
    fc.assert(
      fc.property(instant, workingMinutes, workingMinutes, (start, a, b) => {
        const stepwise = calendar.addWorkingTime(calendar.addWorkingTime(start, a * MINUTE_MS), b * MINUTE_MS);
        assert.equal(stepwise, calendar.addWorkingTime(start, (a + b) * MINUTE_MS));
      }),
      runs,
    );
  });

  it('never gives a later start an earlier deadline', () => {
    fc.assert(
      fc.property(instant, instant, workingMinutes, (s1, s2, minutes) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const duration = { value: minutes / 60, unit: 'working_hours' as const };
        assert.ok(addDuration(calendar, clockStart(calendar, early), duration) <= addDuration(calendar, clockStart(calendar, late), duration));
      }),
      runs,
    );
  });

  it('never makes a deadline earlier because of a pause', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 30 * 8 * 60 }),
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        fc.constantFrom('supplement' as const, 'financial_obligation' as const),
        (receivedAt, minutes, pauseOffset, pauseLength, reason) => {
          const duration = { value: minutes / 480, unit: 'working_days' as const };
          const startedAt = receivedAt + pauseOffset * MINUTE_MS;
          const clock = computeDossierClock(calendar, {
            receivedAt,
            duration,
            pauses: [{ reason, startedAt, endedAt: startedAt + pauseLength * MINUTE_MS }],
          });
          assert.ok(clock.legalDueAt !== null && clock.legalDueAt >= clock.firstDueAt);
          assert.ok(clock.indexDueAt >= clock.firstDueAt);
        },
      ),
      runs,
    );
  });
});
