// Per-dossier facts on the fixed histories (fixtures.ts), with expected values computed by hand, and the day rows
// (the aggregates' contributions) agreeing with the facts at every day boundary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vn } from '../calendar/test-calendar.ts';
import { dayFromIso, localDay } from '../calendar/vietnam-time.ts';
import { countFacts, countsFromDayRows, dayRows, diffRows, dossierFacts, type DayRow } from './facts.ts';
import { calendar, HISTORIES } from './fixtures.ts';
import { dossierTimeline } from './timeline.ts';

const march = { from: vn('2026-03-01 00:00'), to: vn('2026-04-01 00:00') };
const timelines = new Map(HISTORIES.map((h) => [h.name, dossierTimeline(calendar, h.row, h.log)]));
const facts = (name: string, period = march) => dossierFacts(timelines.get(name)!, period);
const finish = (name: string) => facts(name).finished.map((f) => [f.legal, f.index, f.processingMinutes]);

describe('dossier facts for March 2026', () => {
  it('classifies finished dossiers by the legal deadline and by the 766 rule, with processing minutes', () => {
    assert.deepEqual(finish('A'), [['early', 'early', 25 * 60]]);
    assert.deepEqual(finish('B'), [['early', 'late', 43.5 * 60]], 'supplement: the law restarts the clock, the index subtracts the wait');
    assert.deepEqual(finish('C'), [['early', 'late', 65 * 60]], 'extension: the index keeps the first appointment');
    assert.deepEqual(finish('D'), [['on_time', 'on_time', 56 * 60]], 'withdrawal counts on time');
    assert.deepEqual(finish('E'), [['early', 'late', 17 * 60]], 'two supplements: late for the index');
    assert.deepEqual(finish('H'), [['early', 'early', 37.5 * 60]]);
    assert.equal(facts('A').finished[0]!.eResult, true);
    assert.equal(facts('H').finished[0]!.eResult, false);
  });

  it('tells received in the period by channel from carried over', () => {
    assert.deepEqual(
      HISTORIES.map((h) => [h.name, facts(h.name).receivedIn, facts(h.name).carriedOver]),
      [
        ['A', 'in_person', false],
        ['B', 'online', false],
        ['C', 'post', false],
        ['D', 'national_portal', false],
        ['E', 'in_person', false],
        ['F', 'online', false],
        ['G', 'in_person', false],
        ['H', null, true],
      ],
    );
  });

  it('classifies dossiers open at the report instant', () => {
    assert.deepEqual(facts('F').openAtEnd, { legal: 'within_deadline', indexLate: false }, 'awaiting supplement: paused, and the index ends it at the request');
    assert.deepEqual(facts('G').openAtEnd, { legal: 'overdue', indexLate: true });
    assert.equal(facts('A').openAtEnd, null);
  });

  it('counts a dossier with two supplements late for the index while it is still open', () => {
    // E: the second supplement came back on 06/03 09:00, the result at 10:00; at 09:30 it is open, before its legal due date.
    const beforeResult = { from: vn('2026-03-01 00:00'), to: vn('2026-03-06 09:30') };
    assert.deepEqual(facts('E', beforeResult).openAtEnd, { legal: 'within_deadline', indexLate: true });
    // While the second supplement was awaited (requested late by the rule of more than one): late too.
    assert.deepEqual(facts('E', { from: march.from, to: vn('2026-03-05 12:00') }).openAtEnd, { legal: 'within_deadline', indexLate: true });
  });

  it('sees the withdrawn dossier open and overdue at the end of 1–9 March', () => {
    const early = { from: vn('2026-03-01 00:00'), to: vn('2026-03-10 00:00') };
    assert.deepEqual(facts('D', early).openAtEnd, { legal: 'overdue', indexLate: true });
    assert.deepEqual(facts('D', early).finished, []);
    assert.deepEqual(facts('B', early).openAtEnd, { legal: 'within_deadline', indexLate: false });
  });

  it('counts an action at the very end of the period in the next one', () => {
    const untilResult = { from: vn('2026-03-01 00:00'), to: vn('2026-03-05 10:00') };
    assert.deepEqual(facts('A', untilResult).finished, []);
    assert.notEqual(facts('A', untilResult).openAtEnd, null);
    assert.equal(dossierFacts(timelines.get('A')!, { from: vn('2026-03-05 10:00'), to: vn('2026-03-06 00:00') }).finished.length, 1);
  });

  it('counts nothing in an empty period', () => {
    const counts = countFacts(HISTORIES.map((h) => facts(h.name, { from: vn('2026-01-01 00:00'), to: vn('2026-02-01 00:00') })));
    assert.equal(counts.open + counts.carriedOver + Object.values(counts.received).reduce((a, b) => a + b, 0) + counts.legal.early + counts.index.late, 0);
  });
});

describe('day rows', () => {
  it('give the same counts as the facts for every whole-day period from February to April', () => {
    const rows = [...timelines.values()].flatMap(dayRows);
    const first = dayFromIso('2026-02-20');
    const last = dayFromIso('2026-04-05');
    for (let fromDay = first; fromDay <= last; fromDay += 3) {
      for (let toDay = fromDay + 1; toDay <= last; toDay += 4) {
        const period = { from: vn(`${new Date(fromDay * 86_400_000).toISOString().slice(0, 10)} 00:00`), to: vn(`${new Date(toDay * 86_400_000).toISOString().slice(0, 10)} 00:00`) };
        assert.equal(localDay(period.from), fromDay);
        const expected = countFacts([...timelines.values()].map((t) => dossierFacts(t, period)));
        assert.deepEqual(countsFromDayRows(rows, fromDay, toDay), expected, `${fromDay}–${toDay}`);
      }
    }
  });

  it('are the sum of the differences each action makes (what the incremental upkeep writes)', () => {
    for (const h of HISTORIES) {
      let before: DayRow[] = [];
      const total = new Map<string, number>();
      for (let k = 1; k <= h.log.length; k += 1) {
        const after = dayRows(dossierTimeline(calendar, h.row, h.log.slice(0, k)));
        for (const r of diffRows(before, after)) total.set(`${r.day}|${r.measure}`, (total.get(`${r.day}|${r.measure}`) ?? 0) + r.value);
        before = after;
      }
      const expected = new Map(dayRows(timelines.get(h.name)!).map((r) => [`${r.day}|${r.measure}`, r.value]));
      assert.deepEqual(new Map([...total].filter(([, v]) => v !== 0)), expected, h.name);
    }
  });
});
