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
