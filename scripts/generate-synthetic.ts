// npm run data:synthetic -- --dossiers N --seed S --year Y [--province 01] [--online]: writes N synthetic dossier
// histories (applicants "Dữ liệu tổng hợp #…") of year Y over the province's real procedures and agencies, with their
// action logs, then rebuilds the indicator aggregates. Needs the catalogue, agencies, a user and the year's calendar
// seeded. By default in bulk (one transaction, foreign keys checked once at the end, dossiers locked meanwhile);
// `--online` keeps the tables usable while loading (a transaction per batch, per-row checks; slower).
import { parseArgs } from 'node:util';
import { runCommand } from '../src/server/cli/run-command.ts';
import { loadSyntheticDossiers } from '../src/server/modules/indicators/synthetic-load.ts';

runCommand(async (deps, args) => {
  const { values } = parseArgs({
    args,
    options: { dossiers: { type: 'string', default: '10000' }, seed: { type: 'string', default: '766' }, year: { type: 'string', default: '2026' }, province: { type: 'string', default: '01' }, online: { type: 'boolean', default: false } },
  });
  const dossiers = Number(values.dossiers);
  const seed = Number(values.seed);
  const year = Number(values.year);
  if (!Number.isInteger(dossiers) || dossiers < 1 || !Number.isInteger(seed) || !Number.isInteger(year)) {
    throw new Error('Usage: npm run data:synthetic -- --dossiers N --seed S --year Y [--province 01] [--online] (integers)');
  }
  process.stdout.write(`Writing ${dossiers} synthetic dossiers (Dữ liệu tổng hợp) of ${year}, province ${values.province}, seed ${seed}…\n`);
  const result = await loadSyntheticDossiers(deps.db, {
    provinceCode: values.province,
    dossiers,
    seed,
    year,
    bulk: !values.online,
    onProgress: (done) => {
      if (done % 100_000 < 2000) process.stdout.write(`  ${done} dossiers…\n`);
    },
  });
  process.stdout.write(
    `${result.dossiers} dossiers and ${result.actions} actions written in ${(result.loadMs / 1000).toFixed(1)} s; ` +
      `aggregates rebuilt (${result.aggregateRows} rows) in ${(result.rebuildMs / 1000).toFixed(1)} s.\n`,
  );
});
