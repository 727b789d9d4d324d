// Per-province settings of the legal clock. Each default is the rule of REGULATIONS.md; the settings marked
// UNCERTAIN there are settings precisely so a province can follow its own reading (docs/WORKFLOW.md).

export type CalendarDayKind = 'holiday' | 'compensatory_day_off' | 'day_off' | 'make_up_workday';
export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory_day_off', 'day_off', 'make_up_workday'] as const;

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarSettings {
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. */
  weeklyRestDays: number[];
  /** Working periods of a working day, "HH:MM", in order, not overlapping. */
  workingPeriods: { start: string; end: string }[];
  /** Hours in one working day when a duration in working days is counted in working hours. */
  workingDayHours: number;
  /** working_hours: N working days = N × workingDayHours of working time; end_of_day: the close of the N-th next working day. */
  workingDayMode: 'working_hours' | 'end_of_day';
  /** A duration in plain "giờ" (hours): counted in working hours, or as elapsed clock hours. */
  plainHoursAs: 'working_hours' | 'elapsed_hours';
  /** Whether a deadline in calendar days or months may end on a non-working day (else: end of the next working day). */
  calendarDeadlineMayEndOnNonWorkingDay: boolean;
  /** Paper dossiers received after this time are transferred at the start of the next working day (ND 118 Art. 18.2). */
  paperTransferCutoff: string;
  /** How long after opening on the next working day a late paper dossier must have been transferred. */
  paperTransferNextDayGraceMinutes: number;
  /** Offsets from Tết (1/1 lunar) of the five Tết holidays (Labour Code Art. 112; the Prime Minister fixes them yearly). */
  tetDayOffsets: number[];
  /** The day added to National Day 2/9: before, after, or auto (the adjacent working day that touches a weekend). */
  nationalDayExtra: 'auto' | 'before' | 'after';
  /** ND 118 Art. 19.5: after a supplement the processing period restarts from zero (else: it only pauses). */
  supplementRestartsClock: boolean;
  /** A supplement may be requested only within this many working days of receipt (ND 118 Art. 19.5). */
  supplementRequestWithinWorkingDays: number;
  /** Requests allowed (ND 118 Art. 11.2.c, 16.3: once). The 766 index counts more than one as late. */
  maxSupplementRequests: number;
  /** An unsupplemented dossier is closed after this period (15 days; calendar or working days is UNCERTAIN). */
  supplementAutoClose: { value: number; unit: 'calendar_days' | 'working_days' };
  /** The apology and extension must come at least this many working days before the deadline (Art. 19.6: 1 day). */
  extensionMinLeadWorkingDays: number;
  /** Granularity of early / on time / late: to the minute, or by calendar date. */
  classificationGranularity: 'minute' | 'date';
  /** Whether the 766 index compares with the extended appointment (default: the first one). UNCERTAIN. */
  indexUsesExtendedDeadline: boolean;
  /** Which citizen-waiting pauses the 766 index subtracts from the processing time. */
  indexSubtractedPauses: ('supplement' | 'financial_obligation')[];
  /** Working hours to accept or reject an online dossier (ND 118 Art. 17.2.c). */
  onlineAcceptanceWorkingHours: number;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  weeklyRestDays: [0, 6],
  workingPeriods: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
  workingDayHours: 8,
  workingDayMode: 'working_hours',
  plainHoursAs: 'working_hours',
  calendarDeadlineMayEndOnNonWorkingDay: false,
  paperTransferCutoff: '15:00',
  paperTransferNextDayGraceMinutes: 60,
  tetDayOffsets: [-1, 0, 1, 2, 3],
  nationalDayExtra: 'auto',
  supplementRestartsClock: true,
  supplementRequestWithinWorkingDays: 3,
  maxSupplementRequests: 1,
  supplementAutoClose: { value: 15, unit: 'calendar_days' },
  extensionMinLeadWorkingDays: 1,
  classificationGranularity: 'minute',
  indexUsesExtendedDeadline: false,
  indexSubtractedPauses: ['supplement', 'financial_obligation'],
  onlineAcceptanceWorkingHours: 8,
};

export interface SettingsIssue {
  path: string;
  rule: string;
  message: string;
  messageEn: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** Every problem with a settings object, each naming its field; empty when the settings can be used. */
export function checkCalendarSettings(settings: CalendarSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const add = (path: string, rule: string, message: string, messageEn: string) => issues.push({ path, rule, message, messageEn });
  const rest = settings.weeklyRestDays;
  if (rest.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || new Set(rest).size !== rest.length || rest.length > 6) {
    add('weeklyRestDays', 'weekday', 'ngày nghỉ hằng tuần phải là các số 0–6 khác nhau (0 = Chủ nhật)', 'must be distinct numbers 0–6 (0 = Sunday), at most six');
  }
  if (settings.workingPeriods.length === 0) add('workingPeriods', 'required', 'phải có ít nhất một khoảng giờ làm việc', 'needs at least one working period');
  let previousEnd = -1;
  settings.workingPeriods.forEach((period, i) => {
    if (!TIME.test(period.start) || !TIME.test(period.end)) {
      add(`workingPeriods.${i}`, 'time', 'giờ phải có dạng HH:MM', 'times must be HH:MM');
      return;
    }
    const start = minutesOf(period.start);
    const end = minutesOf(period.end);
    if (end <= start) add(`workingPeriods.${i}`, 'order', 'giờ kết thúc phải sau giờ bắt đầu', 'the end must be after the start');
    if (start < previousEnd) add(`workingPeriods.${i}`, 'overlap', 'các khoảng giờ làm việc phải theo thứ tự và không chồng nhau', 'periods must be in order and not overlap');
    previousEnd = end;
  });
  if (!(settings.workingDayHours > 0 && settings.workingDayHours <= 24)) add('workingDayHours', 'range', 'số giờ của một ngày làm việc phải từ 0 đến 24', 'must be more than 0 and at most 24');
  if (!TIME.test(settings.paperTransferCutoff)) add('paperTransferCutoff', 'time', 'giờ phải có dạng HH:MM', 'must be HH:MM');
  if (settings.tetDayOffsets.length === 0 || settings.tetDayOffsets.some((o) => !Number.isInteger(o) || o < -5 || o > 6)) {
    add('tetDayOffsets', 'range', 'các ngày nghỉ Tết phải nằm trong khoảng -5 đến 6 ngày quanh mùng 1', 'must be whole days from -5 to 6 around 1/1 lunar');
  }
  for (const key of ['supplementRequestWithinWorkingDays', 'maxSupplementRequests', 'extensionMinLeadWorkingDays', 'onlineAcceptanceWorkingHours', 'paperTransferNextDayGraceMinutes'] as const) {
    if (!(Number.isFinite(settings[key]) && settings[key] >= 0)) add(key, 'minimum', 'không được âm', 'must not be negative');
  }
  if (!(settings.supplementAutoClose.value >= 0)) add('supplementAutoClose.value', 'minimum', 'không được âm', 'must not be negative');
  return issues;
}
