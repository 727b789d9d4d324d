// The public holidays of a year by rule (Labour Code 2019 Art. 112) with compensatory days off (Art. 111.3),
// and the merge with the dated entries an administrator adds (announced swaps, extra days off).
import { lunarToSolar } from './lunar.ts';
import type { CalendarDay, CalendarDayKind, CalendarSettings } from './settings.ts';
import { dayFromIso, isoFromDay, weekday } from './vietnam-time.ts';

const TET_NAMES: Record<number, string> = {
  [-2]: 'Tết Nguyên đán (28 tháng Chạp)',
  [-1]: 'Tết Nguyên đán (cuối năm âm lịch)',
  0: 'Tết Nguyên đán (mùng 1)',
  1: 'Tết Nguyên đán (mùng 2)',
  2: 'Tết Nguyên đán (mùng 3)',
  3: 'Tết Nguyên đán (mùng 4)',
  4: 'Tết Nguyên đán (mùng 5)',
};

/** Holidays and compensatory days off of `year` by rule, sorted by date. */
export function generateRuleDays(year: number, settings: CalendarSettings): CalendarDay[] {
  const rest = new Set(settings.weeklyRestDays);
  const holidays = new Map<number, string>();
  const add = (day: number, name: string) => {
    if (!holidays.has(day)) holidays.set(day, name);
  };
  add(dayFromIso(`${year}-01-01`), 'Tết Dương lịch');
  const tet = lunarToSolar(1, 1, year);
  if (tet) {
    const tetDay = Date.UTC(tet.year, tet.month - 1, tet.day) / 86_400_000;
    for (const offset of settings.tetDayOffsets) add(tetDay + offset, TET_NAMES[offset] ?? `Tết Nguyên đán (${offset})`);
  }
  const hungKings = lunarToSolar(10, 3, year);
  if (hungKings) add(Date.UTC(hungKings.year, hungKings.month - 1, hungKings.day) / 86_400_000, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  add(dayFromIso(`${year}-04-30`), 'Ngày Chiến thắng (30/4)');
  add(dayFromIso(`${year}-05-01`), 'Ngày Quốc tế Lao động (1/5)');
  const nationalDay = dayFromIso(`${year}-09-02`);
  add(nationalDay, 'Quốc khánh (2/9)');
  add(nationalDayExtraDay(nationalDay, settings.nationalDayExtra, rest), 'Quốc khánh (ngày liền kề)');

  const days: CalendarDay[] = [...holidays].map(([day, name]) => ({ date: isoFromDay(day), kind: 'holiday' as const, name }));
  // Art. 111.3: a holiday on a weekly rest day gives the next working day off, after the holiday block.
  const taken = new Set(holidays.keys());
  for (const [day, name] of [...holidays].sort((a, b) => a[0] - b[0])) {
    if (!rest.has(weekday(day))) continue;
    let next = day + 1;
    while (rest.has(weekday(next)) || taken.has(next)) next += 1;
    taken.add(next);
    days.push({ date: isoFromDay(next), kind: 'compensatory_day_off', name: `Nghỉ bù ${name}` });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

function nationalDayExtraDay(nationalDay: number, mode: CalendarSettings['nationalDayExtra'], rest: Set<number>): number {
  if (mode === 'before') return nationalDay - 1;
  if (mode === 'after') return nationalDay + 1;
  const isWorking = (day: number) => !rest.has(weekday(day));
  const touchesRest = (day: number) => rest.has(weekday(day - 1)) || rest.has(weekday(day + 1));
  const before = nationalDay - 1;
  const after = nationalDay + 1;
  // Prefer the adjacent working day that joins the holiday to a weekend; otherwise the day after.
  if (isWorking(after) && touchesRest(after)) return after;
  if (isWorking(before) && touchesRest(before)) return before;
  if (isWorking(after)) return after;
  return isWorking(before) ? before : after;
}

export interface CalendarEntry {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** The non-ordinary days of a year: rule days, overridden date by date by the administrator's entries. */
export function mergeCalendarDays(ruleDays: CalendarDay[], entries: CalendarEntry[]): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>(ruleDays.map((d) => [d.date, d]));
  for (const entry of entries) byDate.set(entry.date, { date: entry.date, kind: entry.kind, name: entry.name });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
