// A province's working calendar compiled for a range of years: which days are working days, the working periods
// of a day, and the cumulative working time before each day, so that "add N working hours" and "working time
// between two instants" are a few array reads and a binary search.
import type { CalendarDay, CalendarSettings } from './settings.ts';
import { dayFromIso, instantAt, localDay, localTimeOfDay, parseTimeOfDay, weekday, yearOfDay } from './vietnam-time.ts';

export interface CalendarYear {
  year: number;
  /** The non-ordinary days of the year (weekends are implied by the settings). */
  days: CalendarDay[];
  /** Confirmed by an administrator; an unconfirmed year is computed from the rules and flagged provisional. */
  confirmed: boolean;
}

/** Raised when a computation needs a day outside the compiled years. */
export class CalendarRangeError extends Error {
  constructor(readonly year: number) {
    super(`No working calendar for ${year}`);
    this.name = 'CalendarRangeError';
  }
}

export class WorkingCalendar {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly periods: readonly [number, number][];
  readonly workingDayMs: number;
  private readonly working: Uint8Array;
  private readonly cumulative: Float64Array;
  private readonly unconfirmedYears: Set<number>;
  private readonly years: Map<number, CalendarYear>;

  constructor(
    readonly settings: CalendarSettings,
    years: CalendarYear[],
  ) {
    if (years.length === 0) throw new Error('A working calendar needs at least one year');
    const sorted = [...years].sort((a, b) => a.year - b.year);
    this.years = new Map(sorted.map((y) => [y.year, y]));
    const firstYear = sorted[0]!.year;
    const lastYear = sorted[sorted.length - 1]!.year;
    for (let year = firstYear; year <= lastYear; year += 1) {
      if (!this.years.has(year)) throw new Error(`Working calendar years must be contiguous: ${year} is missing`);
    }
    this.unconfirmedYears = new Set(sorted.filter((y) => !y.confirmed).map((y) => y.year));
    this.periods = settings.workingPeriods.map((p) => [parseTimeOfDay(p.start) as number, parseTimeOfDay(p.end) as number]);
    this.workingDayMs = this.periods.reduce((sum, [start, end]) => sum + (end - start), 0);
    this.firstDay = dayFromIso(`${firstYear}-01-01`);
    this.lastDay = dayFromIso(`${lastYear}-12-31`);
    const count = this.lastDay - this.firstDay + 1;
    this.working = new Uint8Array(count);
    const rest = new Set(settings.weeklyRestDays);
    for (let i = 0; i < count; i += 1) this.working[i] = rest.has(weekday(this.firstDay + i)) ? 0 : 1;
    for (const year of sorted) {
      for (const day of year.days) {
        const index = dayFromIso(day.date) - this.firstDay;
        if (index < 0 || index >= count) continue;
        this.working[index] = day.kind === 'make_up_workday' ? 1 : 0;
      }
    }
    this.cumulative = new Float64Array(count + 1);
    for (let i = 0; i < count; i += 1) this.cumulative[i + 1] = this.cumulative[i]! + (this.working[i] ? this.workingDayMs : 0);
  }

  private index(day: number): number {
    const index = day - this.firstDay;
    if (index < 0 || index > this.lastDay - this.firstDay) throw new CalendarRangeError(yearOfDay(day));
    return index;
  }

  isWorkingDay(day: number): boolean {
    return this.working[this.index(day)] === 1;
  }

  /** True on a working day inside a working period, both ends included. */
  isWorkingMoment(ms: number): boolean {
    const day = localDay(ms);
    if (!this.isWorkingDay(day)) return false;
    const time = localTimeOfDay(ms);
    return this.periods.some(([start, end]) => time >= start && time <= end);
  }

  /** Working time from the start of the compiled range up to `ms`. Non-working moments map to the next working moment. */
  position(ms: number): number {
    const day = localDay(ms);
    const index = this.index(day);
    let position = this.cumulative[index]!;
    if (!this.working[index]) return position;
    const time = localTimeOfDay(ms);
    for (const [start, end] of this.periods) {
      if (time >= end) position += end - start;
      else if (time > start) return position + (time - start);
      else break;
    }
    return position;
  }

  /** The working moment at `position`: when it falls between periods or days, the end of the earlier one. */
  instantAtPosition(position: number): number {
    const cumulative = this.cumulative;
    const count = cumulative.length - 1;
    if (position <= 0) return this.nextWorkingMoment(instantAt(this.firstDay, 0));
    if (position > cumulative[count]!) throw new CalendarRangeError(yearOfDay(this.lastDay) + 1);
    // Smallest index with cumulative[index + 1] >= position.
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid + 1]! >= position) high = mid;
      else low = mid + 1;
    }
    let rest = position - cumulative[low]!;
    for (const [start, end] of this.periods) {
      const length = end - start;
      if (rest <= length) return instantAt(this.firstDay + low, start + rest);
      rest -= length;
    }
    return instantAt(this.firstDay + low, this.periods[this.periods.length - 1]![1]);
  }

  /** `ms` itself during working time, else the start of the next working period. */
  nextWorkingMoment(ms: number): number {
    const day = localDay(ms);
    if (this.isWorkingDay(day)) {
      const time = localTimeOfDay(ms);
      for (const [start, end] of this.periods) {
        if (time < start) return instantAt(day, start);
        if (time < end) return ms;
      }
    }
    return this.startOfDay(this.nextWorkingDay(day));
  }

  /** The instant `durationMs` of working time after `startMs` (a zero duration gives the next working moment). */
  addWorkingTime(startMs: number, durationMs: number): number {
    if (durationMs <= 0) return this.nextWorkingMoment(startMs);
    return this.instantAtPosition(this.position(startMs) + durationMs);
  }

  /** Working time between two instants (negative when `to` is before `from`). */
  workingTimeBetween(fromMs: number, toMs: number): number {
    return this.position(toMs) - this.position(fromMs);
  }

  nextWorkingDay(day: number): number {
    let next = day + 1;
    while (!this.isWorkingDay(next)) next += 1;
    return next;
  }

  startOfDay(day: number): number {
    return instantAt(day, this.periods[0]![0]);
  }

  endOfDay(day: number): number {
    return instantAt(day, this.periods[this.periods.length - 1]![1]);
  }

  /** True when any day from `fromMs` to `toMs` lies in a year whose calendar is not confirmed. */
  isProvisionalBetween(fromMs: number, toMs: number): boolean {
    if (this.unconfirmedYears.size === 0) return false;
    const fromYear = yearOfDay(localDay(Math.min(fromMs, toMs)));
    const toYear = yearOfDay(localDay(Math.max(fromMs, toMs)));
    for (let year = fromYear; year <= toYear; year += 1) if (this.unconfirmedYears.has(year)) return true;
    return false;
  }

  /** The non-ordinary days of a compiled year. */
  daysOf(year: number): CalendarDay[] {
    return this.years.get(year)?.days ?? [];
  }
}
