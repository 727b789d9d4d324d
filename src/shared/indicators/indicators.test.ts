// Form II.06a, the 766 on-time rate 2.1 and its points, the average time and the online share on the fixed
// histories (fixtures.ts), expected values computed by hand; zero denominators give null (N/A).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vn } from '../calendar/test-calendar.ts';
import { countFacts, dossierFacts, emptyCounts } from './facts.ts';
import { calendar, HISTORIES } from './fixtures.ts';
import { indicators, percent, scorePoints } from './indicators.ts';
import { DEFAULT_INDICATOR_SETTINGS } from './settings.ts';
import { dossierTimeline } from './timeline.ts';

const timelines = HISTORIES.map((h) => dossierTimeline(calendar, h.row, h.log));
const countsFor = (from: string, to: string) => countFacts(timelines.map((t) => dossierFacts(t, { from: vn(`${from} 00:00`), to: vn(`${to} 00:00`) })));

describe('indicators for March 2026', () => {
  const result = indicators(countsFor('2026-03-01', '2026-04-01'));

  it('fills form II.06a', () => {
    assert.deepEqual(result.form, {
      // B, F online and D from the national portal; A, E, G at the desk and C by post; H from February.
      received: { total: 8, online: 3, inPersonOrPost: 4, carriedOver: 1 },
      // A, B, C, E, H early; D withdrawn counts on time.
      resolved: { total: 6, early: 5, onTime: 1, late: 0 },
      // F awaits a supplement (within), G is past its date.
      pending: { total: 2, withinDeadline: 1, overdue: 1 },
    });
  });

  it('computes the 766 on-time rate 2.1 and its points', () => {
    // Index: A, H early, D on time, B, C, E late; open F on time (ended at its request), G late ⇒ 4 of 8.
    assert.deepEqual(result.onTime, { numerator: 4, denominator: 8, rate: 50, points: 10, maxPoints: 20 });
  });

  it('averages the processing time and the online share', () => {
    // (25 + 43.5 + 65 + 56 + 17 + 37.5) h ÷ 6 = 244 ÷ 6 = 40.666…
    assert.equal(result.averageProcessingHours, 40.67);
    assert.equal(result.onlineShare, 42.86, '3 of 7 received');
    assert.equal(result.eResultShare, 16.67, 'A of 6 finished');
  });

  it('gives N/A, never NaN, when nothing was received or processed', () => {
    const empty = indicators(countsFor('2026-01-01', '2026-02-01'));
    assert.deepEqual(empty.onTime, { numerator: 0, denominator: 0, rate: null, points: null, maxPoints: 20 });
    assert.equal(empty.averageProcessingHours, null);
    assert.equal(empty.onlineShare, null);
    assert.equal(empty.eResultShare, null);
    assert.deepEqual(indicators(emptyCounts()).form.pending, { total: 0, withinDeadline: 0, overdue: 0 });
  });

  it('counts the first ten days of March with the withdrawn and supplemented dossiers still open', () => {
    const r = indicators(countsFor('2026-03-01', '2026-03-10'));
    // Finished by 10/03 00:00: A (early), E (early; index late), H (early). Open: B (restarted, within; index due
    // 12/03 within), C (extended to 16/03, within; index due 09/03 09:00 passed), D (overdue both ways).
    assert.deepEqual(r.form.resolved, { total: 3, early: 3, onTime: 0, late: 0 });
    assert.deepEqual(r.form.pending, { total: 3, withinDeadline: 2, overdue: 1 });
    // Index: A, H + B ⇒ 3 of 6.
    assert.deepEqual(r.onTime, { numerator: 3, denominator: 6, rate: 50, points: 10, maxPoints: 20 });
  });

  it('lets a province count withdrawals by their dates instead', () => {
    const settings = { ...DEFAULT_INDICATOR_SETTINGS, legalOnTimeEndings: [], indexOnTimeEndings: [] };
    const strict = HISTORIES.map((h) => dossierTimeline(calendar, h.row, h.log, settings));
    const r = indicators(countFacts(strict.map((t) => dossierFacts(t, { from: vn('2026-03-01 00:00'), to: vn('2026-04-01 00:00') }))), settings);
    assert.deepEqual(r.form.resolved, { total: 6, early: 5, onTime: 0, late: 1 }, 'D withdrawn after its date');
    assert.equal(r.onTime.numerator, 3);
  });
});

describe('scoring', () => {
  it('awards full points at the threshold and pro rata below it', () => {
    assert.equal(scorePoints(90, 6, 0.9), 6);
    assert.equal(scorePoints(45, 6, 0.9), 3);
    assert.equal(scorePoints(87.5, 20, null), 17.5);
    assert.equal(scorePoints(null, 20, null), null);
    assert.equal(percent(1, 3), 33.33);
    assert.equal(percent(0, 0), null);
  });
});
