// bench:clock — due dates computed per second by the legal clock (target ≥ 1,000,000/s), printed next to a
// baseline loop measured in the same run: the same number of iterations doing only the arithmetic of picking
// inputs and summing results (the ceiling no computation over those inputs can beat).
import { performance } from 'node:perf_hooks';
import { addDuration, clockStart, type Duration } from '../src/shared/calendar/deadlines.ts';
import { generateRuleDays } from '../src/shared/calendar/holiday-rules.ts';
import { DEFAULT_CALENDAR_SETTINGS } from '../src/shared/calendar/settings.ts';
import { WorkingCalendar } from '../src/shared/calendar/working-calendar.ts';

const TARGET_PER_SECOND = 1_000_000;
const N = 2_000_000;
const calendar = new WorkingCalendar(
  DEFAULT_CALENDAR_SETTINGS,
  [2024, 2025, 2026, 2027, 2028].map((year) => ({ year, days: generateRuleDays(year, DEFAULT_CALENDAR_SETTINGS), confirmed: true })),
);
const from = Date.parse('2025-01-01T00:00:00+07:00');
const span = Date.parse('2026-12-31T00:00:00+07:00') - from;
// Pre-generated inputs (seeded linear congruential generator) so both loops read the same data.
const starts = new Float64Array(4096);
const durations: Duration[] = [];
let seed = 20261123;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let i = 0; i < starts.length; i += 1) {
  starts[i] = from + Math.floor(next() * span);
  durations.push({ value: 1 + Math.floor(next() * 30), unit: i % 3 === 0 ? 'working_hours' : 'working_days' });
}

function baseline(): number {
  let sum = 0;
  for (let i = 0; i < N; i += 1) sum += starts[i & 4095]! + durations[i & 4095]!.value;
  return sum;
}

function deadlines(): number {
  let sum = 0;
  for (let i = 0; i < N; i += 1) sum += addDuration(calendar, clockStart(calendar, starts[i & 4095]!), durations[i & 4095]!);
  return sum;
}

for (const warm of [baseline, deadlines]) warm();
let t = performance.now();
const b = baseline();
const baselineSeconds = (performance.now() - t) / 1000;
t = performance.now();
const d = deadlines();
const seconds = (performance.now() - t) / 1000;
const perSecond = N / seconds;
console.log(`baseline loop: ${(N / baselineSeconds / 1e6).toFixed(1)} M iterations/s (checksum ${b % 1000})`);
console.log(
  `deadlines:     ${(perSecond / 1e6).toFixed(2)} M due dates/s (checksum ${d % 1000}) = ${((perSecond / (N / baselineSeconds)) * 100).toFixed(1)} % of the baseline; ` +
    `target ${TARGET_PER_SECOND / 1e6} M/s: ${perSecond >= TARGET_PER_SECOND ? 'OK' : 'BELOW TARGET'}`,
);
