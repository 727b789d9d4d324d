// bench:lifecycle — full dossier lifecycles over HTTP against PostgreSQL with N dossiers preloaded, printed next
// to pgbench TPC-B on the same server in the same run (target: actions/s ≥ 50 % of pgbench tps), and the public
// lookup path (target p99 < 20 ms). Run with `npm run bench:lifecycle` (starts a throwaway PostgreSQL) or with
// DATABASE_URL set. BENCH_DOSSIERS (default 100000; report at 1000000), BENCH_SECONDS (default 20).
import { execFileSync } from 'node:child_process';
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client.ts';
import { setupLifecycle } from '../src/server/testing/lifecycle-fixture.ts';
import { systemClock } from '../src/server/deps.ts';
import { cpuByName, cpuDelta, measureCpu } from './cpu.ts';
import type { LoadJob, LoadResult } from './lifecycle-load.ts';
import { postgresConfigOrExit } from './postgres-config.ts';

const config = postgresConfigOrExit('bench:lifecycle');
const N = Number(process.env.BENCH_DOSSIERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 16);
/** Arrival rate of the open-loop lookup phase, where the p99 target applies (a closed loop only measures queueing). */
const LOOKUP_RATE = Number(process.env.BENCH_LOOKUP_RATE ?? 200);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** pgbench TPC-B tps, with the CPU ms its client and the PostgreSQL processes used per transaction. */
function pgbench(serverUrl: string): { tps: number; clientMsPerTx: number; postgresMsPerTx: number } {
  const admin = new URL(serverUrl);
  const name = `pgbench_${Date.now()}`;
  // Through bash so that its `times` reports the CPU of pgbench (a child that is gone when it returns).
  const run = (args: string[]) =>
    execFileSync('bash', ['-c', '"$@"; times', 'bash', `${PG_BIN}/pgbench`, ...args], { encoding: 'utf8', env: { ...process.env, PGPASSWORD: admin.password } });
  const host = admin.searchParams.get('host') ?? admin.hostname;
  const port = admin.searchParams.get('port') ?? (admin.port || '5432');
  const base = ['-h', host, '-p', port, '-U', admin.username || 'postgres'];
  execFileSync(`${PG_BIN}/createdb`, [...base, name]);
  try {
    run([...base, '-i', '-q', '-s', '10', name]);
    const before = cpuByName(['postgres']);
    const out = run([...base, '-c', String(WORKERS), '-j', '2', '-T', String(SECONDS), name]);
    const postgresMs = cpuDelta(before, cpuByName(['postgres']));
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? 0);
    // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
    const childLine = out.trim().split('\n').at(-1) ?? '';
    const clientMs = [...childLine.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0);
    return { tps, clientMsPerTx: clientMs / transactions, postgresMsPerTx: postgresMs / transactions };
  } finally {
    execFileSync(`${PG_BIN}/dropdb`, [...base, name]);
  }
}

/** Runs the load in a separate Node process, so the client does not steal the server's event loop. */
function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./lifecycle-load.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    child.send(job);
  });
}

async function main() {
  console.log(`Setting up: real catalogue, Hanoi agencies, demo accounts (PostgreSQL)…`);
  const fx = await setupLifecycle(systemClock);
  const db = fx.ctx.deps.db;
  const [agency] = await queryRows<{ id: string; code: string }>(db, sql`SELECT id, code FROM agencies WHERE id = ${fx.commune}`);
  const [procedure] = await queryRows<{ id: string; version: string }>(db, sql`SELECT id, current_version_id AS version FROM procedures WHERE id = ${fx.procedureId}`);
  const [creator] = await queryRows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'demo.desk'`);

  console.log(`Preloading ${N.toLocaleString('en')} synthetic dossiers (labelled "Dữ liệu tổng hợp")…`);
  const preloadStart = performance.now();
  const batch = 100_000;
  for (let from = 0; from < N; from += batch) {
    const to = Math.min(N, from + batch) - 1;
    await db.execute(sql`
      INSERT INTO dossiers (province_code, code, procedure_id, procedure_version_id, channel, receiving_agency_id, competent_agency_id,
        returning_agency_id, created_by, creation_request_id, applicant, components, fee_lines, status, national_status, duration,
        received_at, starts_at, first_due_at, due_at, finished_at)
      SELECT '01', ${agency!.code} || '-' || to_char(date '2023-01-02' + (i / 9000), 'YYMMDD') || '-' || lpad(((i % 9000) + 1)::text, 4, '0'),
        ${procedure!.id}, ${procedure!.version}, CASE WHEN i % 3 = 0 THEN 'online' ELSE 'in_person' END, ${agency!.id}, ${agency!.id}, ${agency!.id},
        ${creator!.id}, 'synthetic-' || i,
        jsonb_build_object('name', 'Dữ liệu tổng hợp #' || i, 'phone', '0900' || lpad((i % 1000000)::text, 6, '0')),
        '[]'::jsonb, '[]'::jsonb,
        CASE WHEN i % 10 < 7 THEN 'returned' ELSE 'in_progress' END, CASE WHEN i % 10 < 7 THEN 10 ELSE 4 END,
        '{"value": 5, "unit": "working_days"}'::jsonb,
        timestamptz '2023-01-02 02:00+00' + (i / 9000) * interval '1 day', timestamptz '2023-01-02 02:00+00' + (i / 9000) * interval '1 day',
        timestamptz '2023-01-09 02:00+00' + (i / 9000) * interval '1 day', timestamptz '2023-01-09 02:00+00' + (i / 9000) * interval '1 day',
        CASE WHEN i % 10 < 7 THEN timestamptz '2023-01-06 02:00+00' + (i / 9000) * interval '1 day' END
      FROM generate_series(${from}::int, ${to}::int) AS i`);
    await db.execute(sql`
      INSERT INTO dossier_actions (dossier_id, seq, type, actor_id, actor_role, at, request_id, from_status, to_status, payload)
      SELECT id, 1, 'intake', created_by, 'desk', received_at, creation_request_id, NULL, status, '{}'::jsonb
        FROM dossiers WHERE creation_request_id BETWEEN ${`synthetic-${from}`} AND ${`synthetic-${to}`} AND NOT EXISTS (SELECT 1 FROM dossier_actions a WHERE a.dossier_id = dossiers.id)`);
    process.stdout.write(`  ${Math.min(N, to + 1).toLocaleString('en')} / ${N.toLocaleString('en')}\n`);
  }
  await db.execute(sql`ANALYZE`);
  console.log(`  preload took ${((performance.now() - preloadStart) / 1000).toFixed(1)} s`);

  console.log(`pgbench TPC-B (scale 10, ${WORKERS} clients, ${SECONDS} s) on the same server…`);
  const bench = pgbench(config.databaseUrl);
  const tps = bench.tps;

  const job = { url: fx.server.url, concurrency: WORKERS, procedureId: fx.procedureId, communeId: fx.commune, agencyCode: agency!.code, preloaded: N };
  console.log(`Lifecycles over HTTP (${WORKERS} concurrent, ${SECONDS} s; load generator in its own process)…`);
  const measured = await measureCpu(['postgres'], () => runLoad({ ...job, mode: 'lifecycle', seconds: SECONDS }));
  const life = measured.value;
  const actionsPerSecond = life.ok / life.elapsed;
  const lookupSeconds = Math.min(SECONDS, 10);
  console.log(`Public lookups by code, closed loop (${WORKERS} concurrent, ${lookupSeconds} s)…`);
  const look = await runLoad({ ...job, mode: 'lookup', seconds: lookupSeconds });
  console.log(`Public lookups by code, open loop (${LOOKUP_RATE}/s arriving, ${lookupSeconds} s)…`);
  const paced = await runLoad({ ...job, mode: 'lookup', seconds: lookupSeconds, rate: LOOKUP_RATE });
  const latencies = life.latencies;
  const lookups = paced.latencies;
  const actions = life.ok;
  const failures = life.failures + look.failures + paced.failures;
  const perAction = (ms: number) => (ms / Math.max(1, life.ok + life.failures)).toFixed(2);
  const serverMs = measured.selfMs;
  const efficiency = 1000 / ((serverMs + measured.namedMs) / Math.max(1, actions)) / (1000 / (bench.postgresMsPerTx + bench.clientMsPerTx));
  console.log('');
  console.log(`dossiers stored:        ${(N + actions / 7).toLocaleString('en', { maximumFractionDigits: 0 })}`);
  console.log(`pgbench TPC-B:          ${tps.toFixed(0)} tps`);
  console.log(`lifecycle actions:      ${actionsPerSecond.toFixed(0)} actions/s = ${((actionsPerSecond / tps) * 100).toFixed(1)} % of pgbench (target ≥ 50 %) ${actionsPerSecond >= tps / 2 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`action latency:         p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`CPU per action:         server ${perAction(serverMs)} ms, PostgreSQL ${perAction(measured.namedMs)} ms, load generator ${perAction(life.cpuMs)} ms`);
  console.log(`CPU per pgbench tx:     PostgreSQL ${bench.postgresMsPerTx.toFixed(2)} ms, pgbench client ${bench.clientMsPerTx.toFixed(2)} ms`);
  console.log(`actions per CPU-second: ${(efficiency * 100).toFixed(1)} % of pgbench transactions per CPU-second (server + PostgreSQL vs pgbench + PostgreSQL)`);
  console.log(`lookup, closed loop:    ${(look.latencies.length / look.elapsed).toFixed(0)}/s with ${WORKERS} clients, p50 ${percentile(look.latencies, 50).toFixed(1)} ms, p99 ${percentile(look.latencies, 99).toFixed(1)} ms (saturation)`);
  console.log(`lookup at ${LOOKUP_RATE}/s:        p50 ${percentile(lookups, 50).toFixed(1)} ms, p99 ${percentile(lookups, 99).toFixed(1)} ms (target p99 < 20 ms) ${percentile(lookups, 99) < 20 ? 'OK' : 'ABOVE TARGET'}`);
  console.log(`failed requests:        ${failures}`);
  await fx.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
