// The 766 index on a small fixed data set, every figure computed by hand: scored sub-indicators with and without a
// threshold, zero denominators (N/A), sub-indicators without data (not measured, left out of the maximum), bands
// and the province's settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCounts, type PeriodCounts } from './facts.ts';
import { bandOf, groupSums, index766, type CatalogueFigures } from './index766.ts';
import type { Index766 } from './index766-types.ts';
import { checkIndicatorSettings, DEFAULT_INDICATOR_SETTINGS, mergeIndicatorSettings } from './settings.ts';

const counts: PeriodCounts = {
  ...emptyCounts(),
  received: { online: 3, national_portal: 1, in_person: 4, post: 2 },
  legal: { early: 6, on_time: 1, late: 1 },
  index: { early: 5, on_time: 2, late: 1 },
  processingMinutes: 8 * 10 * 60,
  eResult: 3,
  resultIssued: 6,
  feeBearing: 4,
  paidOnline: 1,
  digitised: 9,
  fullProcess: 5,
  fullProcessOnline: 2,
  open: 2,
  indexLate: 1,
};
const catalogue: CatalogueFigures = {
  publicProcedures: 10, completeProcedures: 7, proceduresInCompetence: 10, withOnlineService: 9, onlineServices: 9, onlineServicesUsed: 3, feeProcedures: 4, feeProceduresPaidOnline: 0,
};

const sub = (index: Index766, id: string) => {
  const found = index.groups.flatMap((g) => g.subIndicators).find((s) => s.id === id);
  assert.ok(found, `no ${id}`);
  return found;
};
const brief = (index: Index766, id: string) => {
  const s = sub(index, id);
  return [s.numerator, s.denominator, s.rate, s.points, s.gap];
};

describe('766 index', () => {
  const index = index766({ counts, dislikes: 1, catalogue });

  it('scores each measured sub-indicator by hand', () => {
    assert.deepEqual(brief(index, '1.3'), [7, 10, 70, 1.4, null], 'no threshold: 70 % × 2');
    // 2.1: early 5 + on time 2 + open not late 1 = 8 of (8 finished + 2 open) ⇒ 80 % × 20.
    assert.deepEqual(brief(index, '2.1'), [8, 10, 80, 16, null]);
    assert.deepEqual(brief(index, '2.2'), [80, 8, 10, null, null], '80 working hours over 8 finished: 10 hours each');
    assert.equal(sub(index, '2.2').scored, false);
    assert.deepEqual(brief(index, 'full_process'), [2, 5, 40, 1.2, null]);
    assert.deepEqual(brief(index, '3.1'), [9, 10, 90, 3, null], 'at or above T = 80 %: full points');
    assert.deepEqual(brief(index, '3.2'), [3, 9, 33.33, 1, null]);
    assert.deepEqual(brief(index, '3.3'), [4, 10, 40, 2.4, null], 'below T = 50 %: 40 % × 3 ÷ 0.5');
    assert.deepEqual(brief(index, '3.5b'), [0, 4, 0, 0, null]);
    assert.deepEqual(brief(index, '3.6'), [1, 4, 25, 1.5, null]);
    assert.deepEqual(brief(index, '4.1'), [3, 6, 50, 3, null]);
    assert.deepEqual(brief(index, '4.2'), [9, 10, 90, 4, null]);
    // 5.4: 100 % − (2 late of 10 + 1 dislike of 10) = 70 %, below T = 90 %: 70 % × 6 ÷ 0.9.
    assert.deepEqual(brief(index, '5.4'), [7, 10, 70, 4.67, null]);
  });

  it('sums the groups over what is measured and judges the band on the measured maximum', () => {
    const byGroup = Object.fromEntries(index.groups.map((g) => [g.group, [g.points, g.measuredMaxPoints, g.maxPoints]]));
    assert.deepEqual(byGroup, {
      transparency: [1.4, 2, 18],
      timeliness: [16, 20, 20],
      online_service: [7.6, 12, 12],
      online_payment: [1.5, 8, 10],
      digitisation: [7, 10, 22],
      satisfaction: [4.67, 6, 18],
    });
    assert.equal(index.points, 38.17);
    assert.equal(index.maxPoints, 100);
    assert.equal(index.measuredMaxPoints, 58);
    assert.equal(index.score, 65.81, '38.17 ÷ 58');
    assert.equal(index.band, 'fair');
  });

  it('leaves the sub-indicators without data out of the measured maximum', () => {
    for (const id of ['1.1', '1.2', '1.4', '3.5', 'e_copy', '4.3', '4.4', '4.5a', '4.5b', '5.2', '5.3']) {
      assert.deepEqual(brief(index, id), [null, null, null, null, 'no_source'], id);
    }
    const bare = index766({ counts, dislikes: null, catalogue: null });
    for (const id of ['1.3', '3.1', '3.2', '3.5b', '5.4']) assert.equal(sub(bare, id).gap, 'no_source', id);
    assert.equal(bare.groups.find((g) => g.group === 'transparency')?.points, null);
    assert.equal(bare.measuredMaxPoints, 20 + 6 + 6 + 10);
  });

  it('answers N/A for zero denominators, never NaN', () => {
    const zero = { publicProcedures: 0, completeProcedures: 0, proceduresInCompetence: 0, withOnlineService: 0, onlineServices: 0, onlineServicesUsed: 0, feeProcedures: 0, feeProceduresPaidOnline: 0 };
    const empty = index766({ counts: emptyCounts(), dislikes: 0, catalogue: zero });
    for (const s of empty.groups.flatMap((g) => g.subIndicators)) {
      assert.equal(s.rate, null, s.id);
      assert.equal(s.points, null, s.id);
      assert.ok(s.gap === 'no_denominator' || s.gap === 'no_source', s.id);
    }
    assert.deepEqual([empty.points, empty.measuredMaxPoints, empty.score, empty.band], [null, 0, null, null]);
  });

  it('follows the province settings: points, thresholds, which sub-indicators exist, bands', () => {
    const settings = mergeIndicatorSettings({ subIndicators: { '3.6': { threshold: 0.2 }, '4.1': { enabled: false }, '1.3': { points: 4 } }, bands: { good: 85, fair: 78 } });
    const custom = index766({ counts, dislikes: 1, catalogue }, settings);
    assert.deepEqual(brief(custom, '3.6'), [1, 4, 25, 6, null], '25 % ≥ T = 20 %');
    assert.equal(custom.groups.find((g) => g.group === 'digitisation')?.subIndicators.some((s) => s.id === '4.1'), false);
    assert.equal(custom.groups.find((g) => g.group === 'digitisation')?.maxPoints, 16);
    assert.deepEqual(brief(custom, '1.3'), [7, 10, 70, 2.8, null]);
    // 38.17 + 4.5 (3.6) − 3 (4.1) + 1.4 (1.3) = 41.07 over 58 − 6 + 2 = 54 ⇒ 76.06 %, below fair = 78.
    assert.equal(custom.score, 76.06);
    assert.equal(custom.band, 'average', 'the band thresholds are settings');
    assert.equal(DEFAULT_INDICATOR_SETTINGS.subIndicators['3.6'].threshold, null, 'the defaults are untouched');
  });

  it('has the group maxima of §12.3 by default and bands from the settings', () => {
    assert.deepEqual(groupSums(DEFAULT_INDICATOR_SETTINGS), { transparency: 18, timeliness: 20, online_service: 12, online_payment: 10, digitisation: 22, satisfaction: 18 });
    assert.deepEqual([95, 90, 85, 70, 55, 10, null].map((s) => bandOf(s)), ['excellent', 'excellent', 'good', 'fair', 'average', 'weak', null]);
  });

  it('checks settings: points ≥ 0, thresholds in (0, 1], decreasing bands', () => {
    assert.deepEqual(checkIndicatorSettings(DEFAULT_INDICATOR_SETTINGS), []);
    const bad = mergeIndicatorSettings({ timeliness: { points: -1 }, subIndicators: { '3.1': { threshold: 1.5 }, '4.2': { threshold: 0 } }, bands: { good: 95 }, dislikeMaxScore: 7 });
    assert.deepEqual(
      checkIndicatorSettings(bad).map((i) => [i.path, i.rule]),
      [['timeliness.points', 'min_0'], ['subIndicators.3.1.threshold', 'range_0_1'], ['subIndicators.4.2.threshold', 'range_0_1'], ['bands.good', 'decreasing'], ['dislikeMaxScore', 'range_1_5']],
    );
    // The satisfied score: 1–5 and above the dislike score.
    assert.deepEqual(checkIndicatorSettings(mergeIndicatorSettings({ satisfiedMinScore: 6 })).map((i) => [i.path, i.rule]), [['satisfiedMinScore', 'range_1_5']]);
    assert.deepEqual(checkIndicatorSettings(mergeIndicatorSettings({ dislikeMaxScore: 4 })).map((i) => [i.path, i.rule]), [['satisfiedMinScore', 'above_dislike']]);
    assert.deepEqual(checkIndicatorSettings(mergeIndicatorSettings({ dislikeMaxScore: 1, satisfiedMinScore: 2 })), []);
  });
});
