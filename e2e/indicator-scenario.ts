// The dossiers behind the browser journeys of the indicators (dashboard, form II.06a): three dossiers of 5 working
// days filed at the commune's desk on Monday 23/11/2026 10:00 (due Monday 30/11 10:00): one resolved early on 24/11,
// one resolved late on 01/12, one left open past its deadline. Leaves the clock on Wednesday 02/12 10:00, when the
// year's figures are counted up to the start of the day.
import type { Portal } from './harness.ts';

export async function seedIndicatorScenario(portal: Portal, applicant: { name: string; phone: string; idNumber?: string }, resultNumber: string) {
  const { lifecycle, clock } = portal;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());
  const early = await lifecycle.walkIn(applicant);
  const late = await lifecycle.walkIn(applicant);
  const overdue = await lifecycle.walkIn(applicant);
  at('2026-11-24T10:00');
  await lifecycle.resolve(early, resultNumber);
  at('2026-12-01T10:00');
  await lifecycle.resolve(late, resultNumber);
  at('2026-12-02T10:00');
  return { early, late, overdue };
}
