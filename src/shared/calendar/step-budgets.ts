// Per-step time budgets of an internal workflow (quy trình nội bộ): validation against the legal duration,
// planned due times, and the early / on-time / late of each hand-off (Form 05).
import type { FinishedClass, RuleViolation } from './deadlines.ts';
import { HOUR_MS, MINUTE_MS } from './vietnam-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import type { CalendarSettings } from './settings.ts';

export interface StepBudget {
  name: string;
  value: number;
  unit: 'working_hours' | 'working_days';
}

export function budgetMs(step: StepBudget, settings: CalendarSettings): number {
  return Math.round(step.value * (step.unit === 'working_days' ? settings.workingDayHours : 1) * HOUR_MS);
}

/**
 * Budgets must be non-negative and add up to no more than the legal duration, given as working time
 * (for a procedure counted in calendar days, the working time between receipt and the legal deadline).
 */
export function checkStepBudgets(steps: StepBudget[], legalWorkingMs: number, settings: CalendarSettings): (RuleViolation & { step?: number })[] {
  const problems: (RuleViolation & { step?: number })[] = [];
  steps.forEach((step, index) => {
    if (!Number.isFinite(step.value) || step.value < 0) {
      problems.push({ step: index, rule: 'budget_negative', message: `Bước "${step.name}": thời gian không được âm.`, messageEn: `Step "${step.name}": the budget must not be negative.` });
    }
  });
  const total = steps.reduce((sum, step) => sum + Math.max(0, budgetMs(step, settings)), 0);
  if (total > legalWorkingMs) {
    const hours = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100;
    problems.push({
      rule: 'budget_over_legal',
      message: `Tổng thời gian các bước (${hours(total)} giờ làm việc) vượt thời hạn giải quyết (${hours(legalWorkingMs)} giờ làm việc).`,
      messageEn: `The steps take ${hours(total)} working hours, more than the legal ${hours(legalWorkingMs)}.`,
    });
  }
  return problems;
}

/** Planned due time of each step when each starts as the previous one's budget ends. */
export function planStepDueTimes(calendar: WorkingCalendar, startsAt: number, steps: StepBudget[]): number[] {
  let position = calendar.position(startsAt);
  return steps.map((step) => {
    position += budgetMs(step, calendar.settings);
    return calendar.instantAtPosition(position);
  });
}

export interface StepOutcome {
  dueAt: number;
  spentMs: number;
  result: FinishedClass | 'in_progress' | 'overdue';
}

/**
 * One hand-off of Form 05: its due time from when it started, the working time spent, and how it ended — as in
 * practice, by comparing the minutes spent with the minutes allotted: fewer = early, equal = on time, more = late.
 */
export function classifyStep(
  calendar: WorkingCalendar,
  step: StepBudget,
  startedAt: number,
  finishedAt: number | null,
  reportAt: number,
): StepOutcome {
  const dueAt = calendar.addWorkingTime(calendar.nextWorkingMoment(startedAt), budgetMs(step, calendar.settings));
  const end = finishedAt ?? reportAt;
  const spentMs = Math.max(0, calendar.workingTimeBetween(startedAt, end));
  if (finishedAt === null) return { dueAt, spentMs, result: reportAt > dueAt ? 'overdue' : 'in_progress' };
  const spent = Math.floor(spentMs / MINUTE_MS);
  const allotted = Math.floor(budgetMs(step, calendar.settings) / MINUTE_MS);
  return { dueAt, spentMs, result: spent < allotted ? 'early' : spent === allotted ? 'on_time' : 'late' };
}
