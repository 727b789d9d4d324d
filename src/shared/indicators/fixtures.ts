// Test fixtures: a small fixed set of dossier histories in March 2026 (5 working days each), whose indicator values
// are computed by hand in facts.test.ts and indicators.test.ts. Working hours 07:30–11:30 and 13:00–17:00.
import { ruleCalendar, vn } from '../calendar/test-calendar.ts';
import type { ActionRecord } from '../dossiers/reducer.ts';
import type { DossierRowFacts } from './timeline.ts';

export const calendar = ruleCalendar([2025, 2026, 2027]);

type Step = [type: ActionRecord['type'], local: string, payload?: Record<string, unknown>];
const log = (...steps: Step[]): ActionRecord[] => steps.map(([type, local, payload]) => ({ type, at: vn(local), actorId: null, payload: payload ?? {} }));
const fiveDays = { value: 5, unit: 'working_days' } as const;

export interface History {
  name: string;
  row: DossierRowFacts;
  log: ActionRecord[];
}

export const HISTORIES: History[] = [
  // A: desk, due 09/03 09:00, result 05/03 10:00: early both ways; 25 working hours.
  { name: 'A', row: { channel: 'in_person', duration: fiveDays }, log: log(['intake', '2026-03-02 09:00'], ['issue_result', '2026-03-05 10:00', { resultFileIds: ['f'] }]) },
  // B: online, due 09/03 10:00; supplement 03/03 10:00 → 06/03 10:00. Legal: restart ⇒ due 13/03 10:00, result
  // 12/03 15:00 early. Index: 09/03 10:00 + 72 h waited = 12/03 10:00 ⇒ late. 67.5 h − 24 h waited = 43.5 h.
  {
    name: 'B',
    row: { channel: 'online', duration: fiveDays },
    log: log(['submit', '2026-03-02 08:00'], ['receive', '2026-03-02 10:00'], ['request_supplement', '2026-03-03 10:00'], ['submit_supplement', '2026-03-06 10:00'], ['issue_result', '2026-03-12 15:00']),
  },
  // C: post, due 09/03 09:00, extended on 05/03 to 16/03 17:00, result 12/03 10:00: legal early, index late (first appointment); 65 h.
  {
    name: 'C',
    row: { channel: 'post', duration: fiveDays },
    log: log(['intake', '2026-03-02 09:00'], ['extend', '2026-03-05 09:00', { newDueAt: vn('2026-03-16 17:00') }], ['issue_result', '2026-03-12 10:00']),
  },
  // D: national portal, due 09/03 09:00, withdrawn 11/03 09:00 (after the due time): on time both ways; 56 h.
  { name: 'D', row: { channel: 'national_portal', duration: fiveDays }, log: log(['submit', '2026-03-02 08:30'], ['receive', '2026-03-02 09:00'], ['withdraw', '2026-03-11 09:00']) },
  // E: desk, two supplements (03→04/03 and 05→06/03), result 06/03 10:00: legal early (due 13/03 09:00), index late (two supplements); 33 h − 16 h.
  {
    name: 'E',
    row: { channel: 'in_person', duration: fiveDays },
    log: log(
      ['intake', '2026-03-02 09:00'],
      ['request_supplement', '2026-03-03 09:00'],
      ['submit_supplement', '2026-03-04 09:00'],
      ['request_supplement', '2026-03-05 09:00'],
      ['submit_supplement', '2026-03-06 09:00'],
      ['issue_result', '2026-03-06 10:00'],
    ),
  },
  // F: online, due 30/03 09:00, supplement requested 24/03 09:00 and still awaited: legal within (paused); index ends at the request ⇒ early.
  { name: 'F', row: { channel: 'online', duration: fiveDays }, log: log(['submit', '2026-03-23 08:00'], ['receive', '2026-03-23 09:00'], ['request_supplement', '2026-03-24 09:00']) },
  // G: desk 16/03 09:00, due 23/03 09:00, still open: overdue both ways.
  { name: 'G', row: { channel: 'in_person', duration: fiveDays }, log: log(['intake', '2026-03-16 09:00'], ['assign', '2026-03-16 10:00', { assigneeId: 'x' }]) },
  // H: desk 25/02 09:00 (carried over into March), due 04/03 09:00, result 03/03 16:00: early; 37.5 h.
  { name: 'H', row: { channel: 'in_person', duration: fiveDays }, log: log(['intake', '2026-02-25 09:00'], ['issue_result', '2026-03-03 16:00']) },
];
