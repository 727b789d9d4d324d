// npm run indicators:rebuild: recomputes the indicator aggregates (indicator_day_counts) from every dossier and its
// action log, replacing the incrementally maintained rows in one transaction (docs/INDICATORS.md). On PostgreSQL the
// dossiers are counted in worker threads (`--workers N`, default half the cores).
import { parseArgs } from 'node:util';
import { runCommand } from '../src/server/cli/run-command.ts';
import { rebuildDayCounts } from '../src/server/modules/indicators/rebuild.ts';

runCommand(async (deps, args) => {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' } } });
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new Error('Usage: npm run indicators:rebuild [-- --workers N] (N ≥ 1)');
  const started = performance.now();
  let reported = 0;
  let dossiers = 0;
  const rows = await rebuildDayCounts(
    deps.db,
    (done) => {
      dossiers = done;
      if (done - reported >= 100_000) {
        reported = done;
        process.stdout.write(`  ${done} dossiers…\n`);
      }
    },
    { workers },
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`Indicator aggregates rebuilt: ${rows} rows from ${dossiers} dossiers in ${seconds.toFixed(1)} s (${Math.round(dossiers / seconds)} dossiers/s).\n`);
});
