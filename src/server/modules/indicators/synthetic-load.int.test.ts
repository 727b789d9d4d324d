// Synthetic histories written in bulk: a few hundred dossiers of 2026 over the real catalogue and Hanoi's agencies,
// labelled synthetic, the aggregates rebuilt, and GET /api/indicators (whole province, one agency, one quarter) equal
// to the figures computed in memory from the generated histories through the shared per-dossier facts, e-results
// included. In bulk on PostgreSQL the secondary indexes are dropped and built again: every index is back after a load,
// and after a load that fails midway (rolled back whole).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { instantAt, dayFromIso } from '../../../shared/calendar/vietnam-time.ts';
import { countFacts, dossierFacts } from '../../../shared/indicators/facts.ts';
import { indicators } from '../../../shared/indicators/indicators.ts';
import { dossierTimeline, type DossierTimeline } from '../../../shared/indicators/timeline.ts';
import { queryRows } from '../../db/client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { SYNTHETIC_LABEL, type SyntheticDossier } from './synthetic-histories.ts';
import { loadSyntheticDossiers } from './synthetic-load.ts';

describe('synthetic dossiers in the database', () => {
  const clock = fixedClock('2027-01-05T03:00:00Z');
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  const histories: SyntheticDossier[] = [];
  let loaded: Awaited<ReturnType<typeof loadSyntheticDossiers>>;
  const allIndexes = () =>
    queryRows<{ name: string; definition: string }>(
      life.ctx.deps.db,
      sql`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename IN ('dossiers', 'dossier_actions') ORDER BY indexname`,
    );
  let indexesBefore: { name: string; definition: string }[];
  let failure: { error: unknown; steps: string[]; dossiers: number; indexes: { name: string; definition: string }[] };
  const steps: string[] = [];
  before(async () => {
    life = await setupLifecycle(clock);
    const db = life.ctx.deps.db;
    indexesBefore = await allIndexes();
    // First a load that fails after its second batch of 100 (rows written, indexes dropped, not yet rebuilt).
    const failedSteps: string[] = [];
    let batches = 0;
    const error = await loadSyntheticDossiers(db, {
      provinceCode: '01', dossiers: 400, seed: 7, year: 2026, bulk: true, batchSize: 100,
      onIndexes: (step, names) => failedSteps.push(`${step} ${names.join(' ')}`),
      onBatch: () => {
        batches += 1;
        if (batches === 2) throw new Error('injected failure');
      },
    }).then(() => null, (e: unknown) => e);
    const [count] = await queryRows<{ n: string }>(db, sql`SELECT count(*) AS n FROM dossiers`);
    failure = { error, steps: failedSteps, dossiers: Number(count!.n), indexes: await allIndexes() };
    loaded = await loadSyntheticDossiers(db, {
      provinceCode: '01', dossiers: 400, seed: 2026, year: 2026, bulk: true,
      onIndexes: (step, names) => steps.push(`${step} ${names.join(' ')}`),
      onBatch: (batch) => histories.push(...batch),
    });
  });
  after(() => life.close());

  it('writes labelled dossiers with their action logs and rebuilds the aggregates', async () => {
    const db = life.ctx.deps.db;
    assert.equal(loaded.dossiers, 400);
    assert.ok(loaded.aggregateRows > 0);
    const [row] = await queryRows<{ dossiers: string; labelled: string; actions: string }>(
      db,
      sql`SELECT count(*) AS dossiers, count(*) FILTER (WHERE applicant->>'name' LIKE ${`${SYNTHETIC_LABEL} #%`}) AS labelled,
                 (SELECT count(*) FROM dossier_actions) AS actions FROM dossiers`,
    );
    assert.equal(Number(row!.dossiers), 400);
    assert.equal(Number(row!.labelled), 400);
    assert.equal(Number(row!.actions), loaded.actions);
    assert.equal(loaded.actions, histories.reduce((s, h) => s + h.log.length, 0));
  });

  it('rebuilds the secondary indexes after a bulk load, on PostgreSQL, and leaves every index as it was', async () => {
    const secondary = 'dossiers_citizen_idx dossiers_competent_idx dossiers_receiving_idx dossiers_search_idx dossiers_status_idx dossiers_task_agencies_idx';
    if (life.ctx.deps.database.engine === 'postgres') assert.deepEqual(steps, [`dropped ${secondary}`, `recreating ${secondary}`]);
    else assert.deepEqual(steps, [], 'PGlite keeps its indexes while loading');
    assert.ok(indexesBefore.some((i) => i.name === 'dossiers_search_idx' && /USING gin \(search_text gin_trgm_ops\)/.test(i.definition)));
    assert.ok(indexesBefore.some((i) => i.name === 'dossier_actions_seq_key'));
    assert.deepEqual(await allIndexes(), indexesBefore);
  });

  it('rolls a failed bulk load back whole, the dropped indexes included', () => {
    assert.equal((failure.error as Error | null)?.message, 'injected failure');
    assert.equal(failure.dossiers, 0);
    // On PostgreSQL the indexes had been dropped when the failure came, and never rebuilt by the loader.
    const secondary = 'dossiers_citizen_idx dossiers_competent_idx dossiers_receiving_idx dossiers_search_idx dossiers_status_idx dossiers_task_agencies_idx';
    assert.deepEqual(failure.steps, life.ctx.deps.database.engine === 'postgres' ? [`dropped ${secondary}`] : []);
    assert.deepEqual(failure.indexes, indexesBefore);
  });

  it('counts the electronic results in the aggregates', async () => {
    const issued = histories.flatMap((h) => h.log.filter((a) => a.type === 'issue_result'));
    const withFiles = issued.filter((a) => Array.isArray(a.payload.resultFileIds)).length;
    const [row] = await queryRows<{ e_result: string; result_issued: string }>(
      life.ctx.deps.db,
      sql`SELECT sum(value) FILTER (WHERE measure = 'e_result') AS e_result, sum(value) FILTER (WHERE measure = 'result_issued') AS result_issued FROM indicator_day_counts`,
    );
    assert.equal(Number(row!.result_issued), issued.length);
    assert.equal(Number(row!.e_result), withFiles);
    // About half of the results (35–70 % by channel): far from 0 and from all of them.
    assert.ok(withFiles > 0.35 * issued.length && withFiles < 0.65 * issued.length, `${withFiles} of ${issued.length}`);
  });

  it('serves the same figures as the per-dossier facts computed in memory', async () => {
    const calendar = await loadWorkingCalendar(life.ctx.deps.db, '01', 2026, 2029);
    const timelines = histories.map((h) => ({ agencyId: h.agency.id, timeline: dossierTimeline(calendar, { channel: h.channel, duration: h.procedure.duration }, h.log) }));
    const expected = (list: { timeline: DossierTimeline }[], from: string, to: string) => {
      const period = { from: instantAt(dayFromIso(from), 0), to: instantAt(dayFromIso(to), 0) };
      return indicators(countFacts(list.map((t) => dossierFacts(t.timeline, period))));
    };
    const admin = await life.login('demo.admin');
    const byAgency = new Map<string, typeof timelines>();
    for (const t of timelines) byAgency.set(t.agencyId, [...(byAgency.get(t.agencyId) ?? []), t]);
    const busiest = [...byAgency].sort((a, b) => b[1].length - a[1].length)[0]!;
    for (const [from, to, agency] of [
      ['2026-01-01', '2027-01-01', null],
      ['2026-04-01', '2026-07-01', null],
      ['2026-01-01', '2027-01-01', busiest],
    ] as const) {
      const res = await admin.get(`/api/indicators?from=${from}&to=${to}${agency ? `&agencyId=${agency[0]}` : ''}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const want = expected(agency ? agency[1] : timelines, from, to);
      // The figures computed in memory (the response also carries the period, scope and other groups of the index).
      const got = Object.fromEntries(Object.keys(want).map((key) => [key, res.body[key]]));
      assert.deepEqual(got, JSON.parse(JSON.stringify(want)), `${from}..${to} ${agency?.[0] ?? 'province'}`);
    }
    // The figures are not trivial: something late, something pending, something online.
    const year = expected(timelines, '2026-01-01', '2027-01-01');
    assert.ok(year.form.resolved.late > 0 && year.form.received.online > 0, JSON.stringify(year.form));
    assert.ok(year.eResultShare !== null && year.eResultShare > 30 && year.eResultShare < 70, `e-result share ${year.eResultShare}`);
  });
});
