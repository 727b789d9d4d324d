// A dossier's history as the indicators see it: when it was received and by which channel, each time it finished
// (classified by the legal deadline and by the 766 index rule), and the intervals during which it was open, open past
// its legal deadline, or open and counted late by the index. Pure: from the row's facts, the action log and the
// working calendar. Intervals are (start, end]: at instant t the dossier is in the state left by its actions before t,
// so an action at exactly t belongs to the period that starts at t (see docs/INDICATORS.md).
import { classifyFinished, classifyForIndex, computeDossierClock, type DossierClock, type Duration, type FinishedClass } from '../calendar/deadlines.ts';
import { instantAt, localDay, MINUTE_MS } from '../calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { ActionType } from '../dossiers/actions.ts';
import { applyAction, initialDossierState, type ActionRecord, type DossierState } from '../dossiers/reducer.ts';
import { DEFAULT_INDICATOR_SETTINGS, type IndicatorSettings } from './settings.ts';

export const CHANNELS = ['online', 'in_person', 'post', 'national_portal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What the indicators need from the dossier row itself (not derivable from its log). */
export interface DossierRowFacts {
  channel: Channel;
  /** The legal processing duration frozen at receipt; null when the procedure has none. */
  duration: Duration | null;
  /** Its fee lines have a non-zero amount (3.6's denominator). */
  feeBearing?: boolean;
  /** Every component provided has at least one uploaded file (4.2, docs/INDICATORS.md). */
  digitised?: boolean;
  /** Filed under a procedure version whose online service is full-process (online_level 'full'). */
  fullProcess?: boolean;
}

/** Lower case, no diacritics, words separated by single spaces: how payment methods are compared. */
export function normaliseMethod(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether a `record_payment` method counts as paid online (settings.onlinePaymentMethods, whole words). */
export function isOnlinePayment(method: unknown, settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS): boolean {
  if (typeof method !== 'string') return false;
  const text = ` ${normaliseMethod(method)} `;
  return settings.onlinePaymentMethods.some((word) => normaliseMethod(word) !== '' && text.includes(` ${normaliseMethod(word)} `));
}

/** (start, end]; end is Infinity while the state lasts. */
export interface Interval {
  start: number;
  end: number;
}

export interface Finish {
  at: number;
  by: ActionType;
  /** Against the legal deadline (ND 118, form II.06a). */
  legal: FinishedClass;
  /** Against the 766 index deadline (supplement time subtracted, more than one supplement ⇒ late). */
  index: FinishedClass;
  /** Working minutes from the clock start to the finish, less the time spent waiting for the citizen. */
  processingMinutes: number;
  /** Finished with an electronic result (result files attached to issue_result). */
  eResult: boolean;
}

export interface DossierTimeline {
  channel: Channel;
  receivedAt: number | null;
  /** Fee-bearing (its fee lines, or it was paid online); counted with its receipt. */
  feeBearing: boolean;
  /** A `record_payment` with an online method (settings.onlinePaymentMethods); counted with its receipt. */
  paidOnline: boolean;
  digitised: boolean;
  fullProcess: boolean;
  finishes: Finish[];
  open: Interval[];
  /** Open and past the legal deadline (a paused clock is never overdue). */
  legalOverdue: Interval[];
  /** Open and not on time for the index: past the index deadline, or its open supplement was requested late, or more than one supplement. */
  indexLate: Interval[];
}

function clockOf(calendar: WorkingCalendar, row: DossierRowFacts, state: DossierState): DossierClock | null {
  if (state.receivedAt === null || row.duration === null) return null;
  return computeDossierClock(calendar, { receivedAt: state.receivedAt, duration: row.duration, pauses: state.pauses, extension: state.extension });
}

/** The first instant past `due` at which an open dossier counts overdue, minus nothing: intervals are (start, end]. */
function overdueAfter(calendar: WorkingCalendar, due: number): number {
  return calendar.settings.classificationGranularity === 'date' ? instantAt(localDay(due) + 1, 0) - 1 : due;
}

function push(list: Interval[], start: number, end: number): void {
  if (!(end > start)) return;
  const last = list[list.length - 1];
  if (last && last.end === start) last.end = end;
  else list.push({ start, end });
}

function processingMinutes(calendar: WorkingCalendar, state: DossierState, clock: DossierClock | null, at: number): number {
  const start = clock?.startsAt ?? calendar.nextWorkingMoment(state.receivedAt as number);
  let waited = 0;
  for (const pause of state.pauses) {
    const from = Math.max(pause.startedAt, start);
    const to = Math.min(pause.endedAt ?? at, at);
    if (to > from) waited += calendar.workingTimeBetween(from, to);
  }
  return Math.max(0, Math.round((calendar.workingTimeBetween(start, at) - waited) / MINUTE_MS));
}

/** The timeline of one dossier from its log (oldest first). */
export function dossierTimeline(
  calendar: WorkingCalendar,
  row: DossierRowFacts,
  log: readonly ActionRecord[],
  settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS,
): DossierTimeline {
  const granularity = calendar.settings.classificationGranularity;
  const paidOnline = log.some((a) => a.type === 'record_payment' && isOnlinePayment(a.payload.method, settings));
  const timeline: DossierTimeline = {
    channel: row.channel,
    receivedAt: null,
    feeBearing: (row.feeBearing ?? false) || paidOnline,
    paidOnline,
    digitised: row.digitised ?? false,
    fullProcess: row.fullProcess ?? false,
    finishes: [],
    open: [],
    legalOverdue: [],
    indexLate: [],
  };
  let previous: DossierState | null = null;
  // The state is folded one action at a time, and the clock computed again only when what it depends on changed
  // (receipt, pauses, extension: applyAction keeps their identity otherwise).
  let state = initialDossierState();
  let clock: DossierClock | null = null;
  let clockFor: Pick<DossierState, 'receivedAt' | 'pauses' | 'extension'> | null = null;
  for (let k = 0; k < log.length; k += 1) {
    const action = log[k] as ActionRecord;
    state = applyAction(state, action);
    const start = action.at;
    const end = log[k + 1]?.at ?? Infinity;
    if (state.receivedAt === null) {
      previous = state;
      continue;
    }
    timeline.receivedAt ??= state.receivedAt;
    if (clockFor === null || clockFor.receivedAt !== state.receivedAt || clockFor.pauses !== state.pauses || clockFor.extension !== state.extension) {
      clock = clockOf(calendar, row, state);
      clockFor = state;
    }
    if (state.finishedAt !== null && previous?.finishedAt == null && action.type !== 'submit' && action.type !== 'intake') {
      const by = action.type;
      const legalDue = clock?.legalDueAt ?? null;
      const legal: FinishedClass = settings.legalOnTimeEndings.includes(by) || legalDue === null ? 'on_time' : classifyFinished(action.at, legalDue, granularity);
      const index: FinishedClass =
        settings.indexOnTimeEndings.includes(by) || clock === null ? 'on_time' : (classifyForIndex(clock, action.at, action.at, granularity) as FinishedClass);
      const files = action.payload.resultFileIds;
      timeline.finishes.push({
        at: action.at,
        by,
        legal,
        index,
        processingMinutes: processingMinutes(calendar, state, clock, action.at),
        eResult: by === 'issue_result' && Array.isArray(files) && files.length > 0,
      });
    }
    if (state.finishedAt === null) {
      push(timeline.open, start, end);
      if (clock?.legalDueAt != null) push(timeline.legalOverdue, Math.max(start, overdueAfter(calendar, clock.legalDueAt)), end);
      if (clock) {
        const fixed = clock.indexForcedLate || clock.indexEndOverride !== null;
        if (fixed) {
          // Fixed whatever the instant: 'late' (ended at a late supplement request) or, more supplements than allowed
          // and none awaited, 'overdue' (open and late); both count late for the index.
          const fixedClass = classifyForIndex(clock, null, start, granularity);
          if (fixedClass === 'late' || fixedClass === 'overdue') push(timeline.indexLate, start, end);
        } else {
          push(timeline.indexLate, Math.max(start, overdueAfter(calendar, clock.indexDueAt)), end);
        }
      }
    }
    previous = state;
  }
  return timeline;
}

/** Whether an interval list covers instant t ((start, end] semantics). */
export function covers(intervals: readonly Interval[], t: number): boolean {
  return intervals.some((i) => i.start < t && t <= i.end);
}
