// The synthetic history generator, pure: the same seed gives the same histories, and the shares it produces (channel,
// Tết slowdown, late results by the legal rule, supplements, withdrawals, e-results by channel) are near the ones it aims at.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleCalendar } from '../../../shared/calendar/test-calendar.ts';
import { localDay } from '../../../shared/calendar/vietnam-time.ts';
import { dossierTimeline } from '../../../shared/indicators/timeline.ts';
import { isTetSeason, SHARES, syntheticHistories, syntheticResultFileId, type SyntheticCatalogue } from './synthetic-histories.ts';

const calendar = ruleCalendar([2026, 2027]);
const catalogue: SyntheticCatalogue = {
  procedures: Array.from({ length: 20 }, (_, k) => ({ id: `p${k}`, versionId: `v${k}`, duration: { value: [3, 5, 7, 10, 15][k % 5]!, unit: 'working_days' as const }, level: k % 3 === 0 ? ('province' as const) : ('commune' as const) })),
  agencies: { commune: Array.from({ length: 30 }, (_, k) => ({ id: `c${k}`, code: `C${k}` })), province: Array.from({ length: 8 }, (_, k) => ({ id: `d${k}`, code: `D${k}` })) },
};
const until = Date.parse('2027-01-01T00:00:00+07:00');
const generate = (seed: number, dossiers = 4000) => [...syntheticHistories(calendar, catalogue, { dossiers, seed, year: 2026, until })];

describe('synthetic histories', () => {
  it('are the same for the same seed and differ for another seed', () => {
    assert.deepEqual(generate(7, 500), generate(7, 500));
    assert.notDeepEqual(generate(7, 500), generate(8, 500));
  });

  it('give shares near the aimed ones', () => {
    const histories = generate(766);
    const share = (f: (h: (typeof histories)[number]) => boolean) => histories.filter(f).length / histories.length;
    const near = (actual: number, expected: number, tolerance: number, what: string) =>
      assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(3)} not within ${tolerance} of ${expected}`);
    near(share((h) => h.channel === 'online' || h.channel === 'national_portal'), 0.4, 0.03, 'online share');
    near(share((h) => h.log.some((a) => a.type === 'withdraw')), SHARES.withdraw, 0.01, 'withdrawals');
    near(share((h) => h.log.some((a) => a.type === 'request_supplement')), SHARES.supplement * (1 - SHARES.withdraw), 0.02, 'supplements');
    // Every receipt is on a working day; Tết season days get fewer receipts than ordinary working days.
    assert.ok(histories.every((h) => calendar.isWorkingDay(localDay(h.receivedAt))));
    const perDay = (inTet: boolean) => {
      const hits = histories.filter((h) => isTetSeason(2026, localDay(h.receivedAt)) === inTet).length;
      const days = new Set(histories.filter((h) => isTetSeason(2026, localDay(h.receivedAt)) === inTet).map((h) => localDay(h.receivedAt))).size;
      return hits / days;
    };
    assert.ok(perDay(true) < perDay(false) * 0.6, `Tết ${perDay(true)} vs ordinary ${perDay(false)} per day`);
    // Skewed procedures: the most filed one is several times the median one.
    const byProcedure = new Map<string, number>();
    for (const h of histories) byProcedure.set(h.procedure.id, (byProcedure.get(h.procedure.id) ?? 0) + 1);
    const counts = [...byProcedure.values()].sort((a, b) => b - a);
    assert.ok(counts[0]! > 4 * counts[Math.floor(counts.length / 2)]!, `procedure counts ${counts.join(',')}`);
    // The late share, judged by the shared timeline (the legal rule), among results issued.
    const finishes = histories.flatMap((h) => dossierTimeline(calendar, { channel: h.channel, duration: h.procedure.duration }, h.log).finishes.filter((f) => f.by === 'issue_result'));
    const late = finishes.filter((f) => f.legal === 'late').length / finishes.length;
    assert.ok(late >= 0.05 && late <= 0.1, `late share ${late}`);
  });

  it('issue an electronic result for about half of the results, online dossiers more often', () => {
    const histories = generate(4100);
    // Judged by the shared timeline, as the aggregates judge it (result files attached to issue_result).
    const results = histories.flatMap((h) =>
      dossierTimeline(calendar, { channel: h.channel, duration: h.procedure.duration }, h.log).finishes.filter((f) => f.by === 'issue_result').map((f) => ({ channel: h.channel, eResult: f.eResult })),
    );
    const share = (list: typeof results) => list.filter((r) => r.eResult).length / list.length;
    const online = share(results.filter((r) => r.channel === 'online' || r.channel === 'national_portal'));
    const desk = share(results.filter((r) => r.channel === 'in_person'));
    const all = share(results);
    assert.ok(Math.abs(online - 0.7) <= 0.04, `online ${online}`);
    assert.ok(Math.abs(desk - 0.35) <= 0.04, `in person ${desk}`);
    // 0.5 × 0.35 + 0.1 × 0.45 + 0.35 × 0.7 + 0.05 × 0.7 = 0.50 expected over all channels.
    assert.ok(all >= 0.46 && all <= 0.54, `all ${all}`);
    // Only results carry files, one uuid each; an e-result of an online dossier is returned electronically.
    for (const h of histories) {
      for (const a of h.log) {
        if (a.type === 'issue_result' && a.payload.resultFileIds !== undefined) {
          assert.deepEqual(a.payload.resultFileIds, [syntheticResultFileId(h.n)]);
          assert.match(syntheticResultFileId(h.n), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
        } else assert.equal(a.payload.resultFileIds, undefined, a.type);
      }
      const eResult = h.log.some((a) => a.type === 'issue_result' && a.payload.resultFileIds !== undefined);
      const returned = h.log.find((a) => a.type === 'return_result');
      if (returned) assert.equal(returned.payload.method, eResult && (h.channel === 'online' || h.channel === 'national_portal') ? 'electronic' : 'in_person');
    }
  });

  it('leave every other fact of a seed as it was without e-results (their own random stream)', () => {
    const strip = (list: ReturnType<typeof generate>) =>
      list.map((h) => ({ ...h, log: h.log.map((a) => (a.type === 'issue_result' || a.type === 'return_result' ? { ...a, payload: {} } : a)) }));
    const a = generate(12, 300);
    const shares = { ...SHARES.eResult };
    try {
      Object.assign(SHARES.eResult, { in_person: 0, post: 0, online: 0, national_portal: 0 });
      const none = generate(12, 300);
      assert.ok(none.every((h) => h.log.every((x) => x.payload.resultFileIds === undefined)));
      assert.deepEqual(strip(none), strip(a));
    } finally {
      Object.assign(SHARES.eResult, shares);
    }
  });

  it('cut the histories at the report instant, leaving some dossiers open', () => {
    const cut = Date.parse('2026-06-01T00:00:00+07:00');
    const histories = [...syntheticHistories(calendar, catalogue, { dossiers: 1000, seed: 1, year: 2026, until: cut })];
    assert.ok(histories.length > 300 && histories.length < 600, `${histories.length} received before June`);
    assert.ok(histories.every((h) => h.receivedAt <= cut && h.log.every((a) => a.at <= cut)));
    assert.ok(histories.some((h) => !h.log.some((a) => a.type === 'issue_result' || a.type === 'withdraw' || a.type === 'close_unsupplemented')), 'some still open');
  });
});
