// npm run indicators:rebuild: recomputes the indicator aggregates (indicator_day_counts) from every dossier and its
// action log, in one transaction: compared with the incrementally maintained rows and the (agency, procedure) pairs that
// differ written again, or every row rewritten with `--rewrite` (docs/INDICATORS.md). On PostgreSQL the dossiers are
// counted in worker threads (`--workers N`, default half the cores, at least 2).
import { parseArgs } from 'node:util';
import { runCommand } from '../src/server/cli/run-command.ts';
import { rebuildDayCounts } from '../src/server/modules/indicators/rebuild.ts';

runCommand(async (deps, args) => {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' }, rewrite: { type: 'boolean' } } });
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new Error('Usage: npm run indicators:rebuild [-- --workers N] [--rewrite] (N ≥ 1)');
  const started = performance.now();
  let reported = 0;
  let dossiers = 0;
  const result = await rebuildDayCounts(
    deps.db,
    (done) => {
      dossiers = done;
      if (done - reported >= 100_000) {
        reported = done;
        process.stdout.write(`  ${done} dossiers…\n`);
      }
    },
    { workers, rewrite: values.rewrite ?? false },
  );
  const seconds = (performance.now() - started) / 1000;
  const written =
    result.mode === 'rewritten'
      ? `every row written again (${result.rowsWritten})`
      : result.pairsRepaired === 0
        ? 'the stored rows were right: nothing written'
        : `${result.pairsRepaired} of ${result.pairs} (agency, procedure) pairs differed and were repaired (${result.rowsWritten} rows written, month rows of ${result.agenciesRepaired} agencies)`;
  process.stdout.write(
    `Indicator aggregates rebuilt from ${dossiers} dossiers in ${seconds.toFixed(1)} s (${Math.round(dossiers / seconds)} dossiers/s): ${result.rows} rows; ${written}.\n`,
  );
});
