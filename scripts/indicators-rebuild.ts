// npm run indicators:rebuild: recomputes the indicator aggregates (indicator_day_counts) from every dossier and its
// action log, replacing the incrementally maintained rows in one transaction (docs/INDICATORS.md).
import { runCommand } from '../src/server/cli/run-command.ts';
import { rebuildDayCounts } from '../src/server/modules/indicators/rebuild.ts';

runCommand(async (deps) => {
  const started = performance.now();
  const rows = await rebuildDayCounts(deps.db, (done) => {
    if (done % 100_000 === 0) process.stdout.write(`  ${done} dossiers…\n`);
  });
  process.stdout.write(`Indicator aggregates rebuilt: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
});
