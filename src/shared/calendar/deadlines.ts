// Durations, deadlines, pauses, extensions and the early / on-time / late classification: the legal clock.
// Pure functions over a compiled WorkingCalendar; instants are epoch milliseconds.
import type { CalendarSettings } from './settings.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, instantAt, localDay, localTimeOfDay, parseTimeOfDay } from './vietnam-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export const DEADLINE_UNITS = ['working_hours', 'working_days', 'calendar_days', 'months', 'hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface Duration {
  value: number;
  unit: DeadlineUnit;
}

/** Why a duration cannot be used; undefined when it can. */
export function checkDuration(duration: Duration): string | undefined {
  if (!DEADLINE_UNITS.includes(duration.unit)) return `unknown unit "${String(duration.unit)}"`;
  if (!Number.isFinite(duration.value)) return 'the value must be a number';
  if (duration.value < 0) return 'the value must not be negative';
  if (duration.unit === 'months' && !Number.isInteger(duration.value)) return 'months must be a whole number';
  return undefined;
}

/** When the clock starts for something received at `receivedAt`: then, or the next working moment. */
export function clockStart(calendar: WorkingCalendar, receivedAt: number): number {
  return calendar.nextWorkingMoment(receivedAt);
}

/** A deadline in calendar days or months that lands off working time moves to the end of the next working day. */
function settleOnWorkingTime(calendar: WorkingCalendar, due: number): number {
  if (calendar.settings.calendarDeadlineMayEndOnNonWorkingDay || calendar.isWorkingMoment(due)) return due;
  const day = localDay(due);
  if (calendar.isWorkingDay(day) && due < calendar.endOfDay(day)) return calendar.nextWorkingMoment(due);
  return calendar.endOfDay(calendar.nextWorkingDay(day));
}

function addMonths(ms: number, months: number): number {
  const day = localDay(ms);
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDayOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(date.getUTCDate(), lastDayOfTarget)) / DAY_MS;
  return instantAt(target, localTimeOfDay(ms));
}

/** The deadline `duration` after `start` (which should already be a clock start). */
export function addDuration(calendar: WorkingCalendar, start: number, duration: Duration): number {
  const settings = calendar.settings;
  switch (duration.unit) {
    case 'working_hours':
      return calendar.addWorkingTime(start, Math.round(duration.value * HOUR_MS));
    case 'hours':
      return settings.plainHoursAs === 'working_hours'
        ? calendar.addWorkingTime(start, Math.round(duration.value * HOUR_MS))
        : settleOnWorkingTime(calendar, start + Math.round(duration.value * HOUR_MS));
    case 'working_days': {
      if (settings.workingDayMode === 'working_hours') {
        return calendar.addWorkingTime(start, Math.round(duration.value * settings.workingDayHours * HOUR_MS));
      }
      let day = localDay(start);
      for (let n = Math.ceil(duration.value); n > 0; n -= 1) day = calendar.nextWorkingDay(day);
      return duration.value === 0 ? calendar.nextWorkingMoment(start) : calendar.endOfDay(day);
    }
    case 'calendar_days':
      return settleOnWorkingTime(calendar, start + Math.round(duration.value * DAY_MS));
    case 'months':
      return settleOnWorkingTime(calendar, addMonths(start, duration.value));
  }
}

/** Receipt to deadline in one step: the clock start and the due instant. */
export function computeDeadline(calendar: WorkingCalendar, receivedAt: number, duration: Duration) {
  const startsAt = clockStart(calendar, receivedAt);
  const dueAt = addDuration(calendar, startsAt, duration);
  return { startsAt, dueAt, provisional: calendar.isProvisionalBetween(receivedAt, dueAt) };
}

/**
 * ND 118 Art. 18.2: a paper dossier goes to the competent body the same working day, or at the start of the next
 * working day when it was received after the cut-off (15:00).
 */
export function paperTransferDue(calendar: WorkingCalendar, receivedAt: number): number {
  const settings = calendar.settings;
  const cutoff = parseTimeOfDay(settings.paperTransferCutoff) as number;
  const start = calendar.nextWorkingMoment(receivedAt);
  const day = localDay(start);
  const sameDay = localDay(receivedAt) === day && localTimeOfDay(receivedAt) < cutoff;
  if (sameDay) return calendar.endOfDay(day);
  const nextDay = localDay(receivedAt) === day ? calendar.nextWorkingDay(day) : day;
  return calendar.addWorkingTime(calendar.startOfDay(nextDay), settings.paperTransferNextDayGraceMinutes * MINUTE_MS);
}

/** ND 118 Art. 17.2.c: an online dossier must be accepted or refused within 8 working hours. */
export function onlineAcceptanceDue(calendar: WorkingCalendar, receivedAt: number): number {
  return calendar.addWorkingTime(calendar.nextWorkingMoment(receivedAt), calendar.settings.onlineAcceptanceWorkingHours * HOUR_MS);
}

export type PauseReason = 'supplement' | 'financial_obligation';

/** Time the dossier waited for the citizen: a supplement or a financial obligation. */
export interface Pause {
  reason: PauseReason;
  startedAt: number;
  endedAt: number | null;
}

export interface Extension {
  requestedAt: number;
  newDueAt: number;
}

export interface DossierClockInput {
  receivedAt: number;
  duration: Duration;
  pauses: Pause[];
  extension?: Extension | null;
}

export interface DossierClock {
  startsAt: number;
  /** The appointment given on the receipt. */
  firstDueAt: number;
  /** The legal deadline (ND 118): restarts after a supplement, moves by paused time and by the extension; null while paused. */
  legalDueAt: number | null;
  isPaused: boolean;
  /** Working time left when the open pause began. */
  remainingWhenPaused: number | null;
  /** The 766 index deadline: the first (or extended) appointment plus the subtracted pause time. */
  indexDueAt: number;
  /** When the index counts the dossier as ended while a supplement is still awaited (its request time). */
  indexEndOverride: number | null;
  /** More supplement requests than allowed: late in the index whatever the dates. */
  indexForcedLate: boolean;
  supplementRequests: number;
}

/** Both clocks of a dossier from its receipt, duration, pauses and extension. */
export function computeDossierClock(calendar: WorkingCalendar, input: DossierClockInput): DossierClock {
  const settings = calendar.settings;
  const startsAt = clockStart(calendar, input.receivedAt);
  const firstDueAt = addDuration(calendar, startsAt, input.duration);
  const pauses = [...input.pauses].sort((a, b) => a.startedAt - b.startedAt);
  type Event = { at: number; apply: () => void };
  let due: number | null = firstDueAt;
  let remainingWhenPaused: number | null = null;
  let isPaused = false;
  const events: Event[] = pauses.map((pause) => ({
    at: pause.startedAt,
    apply: () => {
      if (due === null) return;
      if (pause.endedAt === null) {
        remainingWhenPaused = calendar.workingTimeBetween(pause.startedAt, due);
        isPaused = true;
        due = null;
      } else if (pause.reason === 'supplement' && settings.supplementRestartsClock) {
        due = addDuration(calendar, clockStart(calendar, pause.endedAt), input.duration);
      } else {
        due = calendar.addWorkingTime(due, calendar.workingTimeBetween(pause.startedAt, pause.endedAt));
      }
    },
  }));
  if (input.extension) {
    const extension = input.extension;
    events.push({ at: extension.requestedAt, apply: () => void (due = due === null ? null : extension.newDueAt) });
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) event.apply();

  const subtracted = pauses
    .filter((p) => p.endedAt !== null && settings.indexSubtractedPauses.includes(p.reason))
    .reduce((sum, p) => sum + ((p.endedAt as number) - p.startedAt), 0);
  const indexBase = settings.indexUsesExtendedDeadline && input.extension ? input.extension.newDueAt : firstDueAt;
  const openSupplement = pauses.find((p) => p.reason === 'supplement' && p.endedAt === null);
  const supplementRequests = pauses.filter((p) => p.reason === 'supplement').length;
  return {
    startsAt,
    firstDueAt,
    legalDueAt: due,
    isPaused,
    remainingWhenPaused,
    indexDueAt: indexBase + subtracted,
    indexEndOverride: openSupplement ? openSupplement.startedAt : null,
    indexForcedLate: supplementRequests > settings.maxSupplementRequests,
    supplementRequests,
  };
}

export type FinishedClass = 'early' | 'on_time' | 'late';
export type OpenClass = 'within_deadline' | 'overdue';

/**
 * Early: finished before the appointment day; on time: on the appointment day and not after the appointment
 * (by date only, with 'date' granularity); late: after it.
 */
export function classifyFinished(finishedAt: number, dueAt: number, granularity: CalendarSettings['classificationGranularity']): FinishedClass {
  const finishedDay = localDay(finishedAt);
  const dueDay = localDay(dueAt);
  if (granularity === 'date') return finishedDay < dueDay ? 'early' : finishedDay === dueDay ? 'on_time' : 'late';
  if (finishedAt > dueAt) return 'late';
  return finishedDay < dueDay ? 'early' : 'on_time';
}

/** An open dossier as of `reportAt`: within deadline (paused dossiers too) or overdue. */
export function classifyOpen(reportAt: number, dueAt: number | null, granularity: CalendarSettings['classificationGranularity']): OpenClass {
  if (dueAt === null) return 'within_deadline';
  if (granularity === 'date') return localDay(reportAt) > localDay(dueAt) ? 'overdue' : 'within_deadline';
  return reportAt > dueAt ? 'overdue' : 'within_deadline';
}

/** The 766 index class of a dossier: its end (finish, or the open supplement's request) against the index deadline. */
export function classifyForIndex(
  clock: DossierClock,
  finishedAt: number | null,
  reportAt: number,
  granularity: CalendarSettings['classificationGranularity'],
): FinishedClass | OpenClass {
  if (clock.indexForcedLate) return finishedAt === null && clock.indexEndOverride === null ? 'overdue' : 'late';
  const end = clock.indexEndOverride ?? finishedAt;
  if (end === null) return classifyOpen(reportAt, clock.indexDueAt, granularity);
  return classifyFinished(end, clock.indexDueAt, granularity);
}

export type RuleViolation = { rule: string; message: string; messageEn: string };

/** ND 118 Art. 19.5 / 11.2.c: a supplement only once, and within 3 working days of receipt. */
export function checkSupplementRequest(
  calendar: WorkingCalendar,
  input: { startsAt: number; requestedAt: number; previousRequests: number },
): RuleViolation | undefined {
  const settings = calendar.settings;
  if (input.previousRequests >= settings.maxSupplementRequests) {
    return {
      rule: 'supplement_once',
      message: `Chỉ được yêu cầu bổ sung hồ sơ ${settings.maxSupplementRequests} lần.`,
      messageEn: `A supplement may be requested only ${settings.maxSupplementRequests} time(s).`,
    };
  }
  const limit = settings.supplementRequestWithinWorkingDays * settings.workingDayHours * HOUR_MS;
  if (calendar.workingTimeBetween(input.startsAt, input.requestedAt) > limit) {
    return {
      rule: 'supplement_window',
      message: `Yêu cầu bổ sung phải gửi trong ${settings.supplementRequestWithinWorkingDays} ngày làm việc kể từ khi tiếp nhận.`,
      messageEn: `A supplement must be requested within ${settings.supplementRequestWithinWorkingDays} working days of receipt.`,
    };
  }
  return undefined;
}

/** When an unsupplemented dossier is closed (ND 118 Art. 19.5: 15 days after the notice). */
export function supplementAutoCloseAt(calendar: WorkingCalendar, requestedAt: number): number {
  const { value, unit } = calendar.settings.supplementAutoClose;
  return unit === 'calendar_days' ? requestedAt + value * DAY_MS : calendar.addWorkingTime(requestedAt, value * calendar.settings.workingDayHours * HOUR_MS);
}

/** ND 118 Art. 19.6: the apology and new date come once, at least one working day before the deadline, and later than it. */
export function checkExtension(
  calendar: WorkingCalendar,
  input: { currentDueAt: number; requestedAt: number; newDueAt: number; previousExtensions: number },
): RuleViolation | undefined {
  const settings = calendar.settings;
  if (input.previousExtensions > 0) {
    return { rule: 'extension_once', message: 'Chỉ được hẹn lại ngày trả kết quả một lần.', messageEn: 'The return date may be re-set only once.' };
  }
  const lead = settings.extensionMinLeadWorkingDays * settings.workingDayHours * HOUR_MS;
  if (calendar.workingTimeBetween(input.requestedAt, input.currentDueAt) < lead) {
    return {
      rule: 'extension_too_late',
      message: `Phiếu xin lỗi và hẹn lại phải gửi trước hạn ít nhất ${settings.extensionMinLeadWorkingDays} ngày làm việc.`,
      messageEn: `The apology and new date must come at least ${settings.extensionMinLeadWorkingDays} working day(s) before the deadline.`,
    };
  }
  if (input.newDueAt <= input.currentDueAt) {
    return { rule: 'extension_not_later', message: 'Ngày hẹn mới phải sau ngày hẹn cũ.', messageEn: 'The new date must be after the current one.' };
  }
  return undefined;
}
