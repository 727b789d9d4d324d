// bench:index — the indicators of one province-year served from the aggregates, with N synthetic dossiers (labelled
// "Dữ liệu tổng hợp", seeded) loaded with their action logs: times the full rebuild of indicator_day_counts and
// GET /api/indicators for the province-year (form II.06a and the 2.1 on-time rate; several runs, p50 and max), next
// to a plain count(*) scan of the same dossiers measured in the same run. Targets (issue #6, at ~3 M dossiers):
// indicators < 500 ms, rebuild < 60 s. Run with `npm run bench:index` (throwaway PostgreSQL) or with DATABASE_URL set.
// BENCH_DOSSIERS (default 300000; report at 3000000), BENCH_RUNS (default 9), BENCH_SEED (default 766),
// BENCH_WORKERS (rebuild worker threads, or a list like 2,1 to rebuild once with each; default half the cores, at least 2),
// BENCH_YEARS (default 2026; a list like 2024,2025,2026 spreads the dossiers evenly over those years, all finished by the
// end of the last, and the figures are those of the last year: a database that holds several years).
// The server gets a third of the memory as shared buffers (BENCH_PG_OPTIONS replaces the options): at 3 M dossiers the
// dossiers, their actions and the action index the rebuild probes are ~5.5 GB.
// The load average is printed: cores are shared.
import { loadavg, availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client.ts';
import { rebuildDayCounts } from '../src/server/modules/indicators/rebuild.ts';
import { confirmCalendarYear } from '../src/server/modules/calendars/confirm-calendar-year.ts';
import { loadSyntheticDossiers } from '../src/server/modules/indicators/synthetic-load.ts';
import { setupLifecycle } from '../src/server/testing/lifecycle-fixture.ts';
import { fixedClock } from '../src/server/testing/test-deps.ts';
import { postgresConfigOrExit } from './postgres-config.ts';

postgresConfigOrExit('bench:index');
const N = Number(process.env.BENCH_DOSSIERS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SEED = Number(process.env.BENCH_SEED ?? 766);
const WORKER_RUNS = (process.env.BENCH_WORKERS ?? String(Math.max(2, Math.floor(availableParallelism() / 2)))).split(',').map(Number);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const YEARS = (process.env.BENCH_YEARS ?? '2026').split(',').map(Number);
const YEAR = YEARS.at(-1)!;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

async function main() {
  // The year is over: the figures of 2026 are final (the clock only decides "today" for a running period).
  const clock = fixedClock(`${YEAR + 1}-01-05T03:00:00Z`);
  console.log('Setting up: real catalogue, Hanoi agencies, demo accounts, confirmed calendars (PostgreSQL)…');
  const fx = await setupLifecycle(clock);
  const db = fx.ctx.deps.db;

  const loaded = { dossiers: 0, actions: 0, loadMs: 0 };
  let firstNumber = 1;
  for (const [k, year] of YEARS.entries()) {
    const count = k === YEARS.length - 1 ? N - firstNumber + 1 : Math.floor(N / YEARS.length);
    // The report year keeps the seed (one year alone: the same dossiers as before BENCH_YEARS); earlier years get their own.
    const seed = SEED + YEARS.length - 1 - k;
    if (year < 2026) await confirmCalendarYear(fx.ctx.deps, { provinceCode: '01', year, actor: 'bench', expectedRevision: 0 });
    console.log(`Loading ${count.toLocaleString('en')} synthetic dossiers of ${year} (Hà Nội, seed ${seed}) with their action logs…`);
    const one = await loadSyntheticDossiers(db, {
      provinceCode: '01', dossiers: count, seed, year, rebuild: false, bulk: true, firstNumber,
      until: Date.parse(`${YEAR + 1}-01-01T00:00:00+07:00`),
      onIndexes: (step, names) => console.log(step === 'dropped' ? `  dropped ${names.length} secondary indexes (built again after the load)` : `  recreating indexes… (load average ${load()})`),
      onProgress: (done) => {
        if (done % 100_000 < 2000) process.stdout.write(`  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} (load average ${load()})\n`);
      },
    });
    loaded.dossiers += one.dossiers;
    loaded.actions += one.actions;
    loaded.loadMs += one.loadMs;
    firstNumber += count;
  }
  await db.execute(sql`ANALYZE`);

  // First every row written (the table is empty after the load: what a changed counting rule costs), then the usual
  // rebuild (recount everything, compare, repair what differs: nothing here), once per BENCH_WORKERS entry.
  const rebuilds: string[] = [];
  let aggregateRows = 0;
  const runs = [{ workers: WORKER_RUNS[0]!, rewrite: true }, ...WORKER_RUNS.map((workers) => ({ workers, rewrite: false }))];
  for (const { workers, rewrite } of runs) {
    const what = rewrite ? 'every row rewritten' : 'compare and repair';
    console.log(`Full rebuild, ${what} (${workers} worker threads; load average ${load()})…`);
    const loadBefore = load();
    const rebuildStart = performance.now();
    let phases = { countMs: 0, writeMs: 0 };
    let dossiers = 0;
    const result = await rebuildDayCounts(
      db,
      (done) => {
        if (Math.floor(done / 200_000) > Math.floor(dossiers / 200_000)) process.stdout.write(`  ${done.toLocaleString('en')} counted\n`);
        dossiers = done;
      },
      { workers, rewrite, onPhases: (p) => (phases = p) },
    );
    aggregateRows = result.rows;
    const seconds = (performance.now() - rebuildStart) / 1000;
    rebuilds.push(
      `full rebuild (${what}): ${seconds.toFixed(1)} s = ${Math.round(dossiers / seconds).toLocaleString('en')} dossiers/s, ${workers} worker(s) (target < 60 s at ~3 M = 50,000 dossiers/s) ${seconds < 60 || N < 2_500_000 ? '' : 'ABOVE TARGET'}\n` +
        `  of which:             counting ${(phases.countMs / 1000).toFixed(1)} s (${Math.round(dossiers / (phases.countMs / 1000)).toLocaleString('en')} dossiers/s), ` +
        `writing ${(phases.writeMs / 1000).toFixed(1)} s (${result.mode}: ${result.pairsRepaired.toLocaleString('en')} of ${result.pairs.toLocaleString('en')} pairs, ${result.rowsWritten.toLocaleString('en')} rows written)\n` +
        `  load average:         before ${loadBefore}, after ${load()} (${availableParallelism()} cores, shared)`,
    );
  }
  await db.execute(sql`ANALYZE indicator_day_counts`);

  const from = `${YEAR}-01-01`;
  const to = `${YEAR + 1}-01-01`;
  const admin = await fx.login('demo.admin');
  const url = `/api/indicators?from=${from}&to=${to}`;
  const first = await admin.get(url);
  if (first.status !== 200) throw new Error(`GET ${url}: ${first.status} ${JSON.stringify(first.body)}`);
  console.log(`Indicators of the province-year over HTTP (${RUNS} runs), and count(*) of the same dossiers (${RUNS} runs)…`);
  const served = await timed(RUNS, () => admin.get(url));
  const scans = await timed(RUNS, () =>
    queryRows(db, sql`SELECT count(*) FROM dossiers WHERE province_code = '01' AND received_at >= ${`${from}T00:00:00+07:00`}::timestamptz AND received_at < ${`${to}T00:00:00+07:00`}::timestamptz`),
  );
  // The dashboard's other province-year calls (not targets of the issue; printed so that a slow one shows).
  const dashboard: string[] = [];
  for (const path of ['by-agency', 'trend', 'by-field']) {
    const times = await timed(Math.min(RUNS, 3), async () => {
      const res = await admin.get(`/api/indicators/${path}?from=${from}&to=${to}`);
      if (res.status !== 200) throw new Error(`GET /api/indicators/${path}: ${res.status}`);
    });
    dashboard.push(`  ${`/${path}:`.padEnd(22)}${ms(times)}`);
  }
  const [counted] = await queryRows<{ n: string; year: string }>(
    db,
    sql`SELECT count(*) AS n, count(*) FILTER (WHERE received_at >= ${`${from}T00:00:00+07:00`}::timestamptz AND received_at < ${`${to}T00:00:00+07:00`}::timestamptz) AS year
          FROM dossiers WHERE province_code = '01'`,
  );
  const [sizes] = await queryRows<{ dossiers: string; actions: string; aggregates: string }>(
    db,
    sql`SELECT pg_size_pretty(pg_total_relation_size('dossiers')) AS dossiers, pg_size_pretty(pg_total_relation_size('dossier_actions')) AS actions,
               pg_size_pretty(pg_total_relation_size('indicator_day_counts')) AS aggregates`,
  );
  const body = first.body;

  console.log('');
  console.log(`dossiers:               ${Number(counted!.n).toLocaleString('en')} (${loaded.actions.toLocaleString('en')} actions; received in ${YEAR}: ${Number(counted!.year).toLocaleString('en')}; years ${YEARS.join(', ')}), loaded in ${(loaded.loadMs / 1000).toFixed(1)} s (${Math.round(loaded.dossiers / (loaded.loadMs / 1000)).toLocaleString('en')} dossiers/s)`);
  console.log(`table sizes:            dossiers ${sizes!.dossiers}, dossier_actions ${sizes!.actions}, indicator_day_counts ${sizes!.aggregates} (${aggregateRows.toLocaleString('en')} rows)`);
  for (const line of rebuilds) console.log(line);
  console.log(`indicators, year:       ${ms(served)} (target < 500 ms) ${percentile(served, 50) < 500 ? 'OK' : 'ABOVE TARGET'}`);
  console.log(`count(*) scan, year:    ${ms(scans)} (same dossiers, same run)`);
  console.log('dashboard, year (over HTTP):');
  for (const line of dashboard) console.log(line);
  console.log(`II.06a received:        ${JSON.stringify(body.form.received)}`);
  console.log(`II.06a resolved:        ${JSON.stringify(body.form.resolved)}, pending ${JSON.stringify(body.form.pending)}`);
  console.log(`2.1 on-time (766 rule): ${body.onTime.rate} % = ${body.onTime.points} / ${body.onTime.maxPoints} points; online share ${body.onlineShare} %`);
  await fx.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
