// npm run data:synthetic -- --dossiers N --seed S --year Y [--province 01] [--online]: writes N synthetic dossier
// histories (applicants "Dữ liệu tổng hợp #…") of year Y over the province's real procedures and agencies, with their
// action logs, then rebuilds the indicator aggregates; prints progress and the rate. Needs the catalogue, agencies, a
// user and the year's calendar seeded, and an empty dossier table (the codes restart at 1). Refused when
// NODE_ENV=production. By default in bulk (one transaction, foreign keys checked and, on PostgreSQL, the secondary
// indexes built once at the end; the dossier tables locked meanwhile); `--online` keeps the tables usable while loading
// (a transaction per batch, per-row checks; slower).
import { parseArgs } from 'node:util';
import { runCommand } from '../src/server/cli/run-command.ts';
import { AppError } from '../src/server/errors.ts';
import { SYNTHETIC_LABEL } from '../src/server/modules/indicators/synthetic-histories.ts';
import { loadSyntheticDossiers } from '../src/server/modules/indicators/synthetic-load.ts';

runCommand(
  async (deps, args) => {
    if (deps.config.nodeEnv === 'production') {
      const issue = {
        path: 'NODE_ENV',
        rule: 'not_in_production',
        message: 'không nạp dữ liệu tổng hợp vào hệ thống đang vận hành',
        messageEn: 'synthetic data is never loaded into a production system',
      };
      throw new AppError('FORBIDDEN', `NODE_ENV=production: ${issue.message}.`, `NODE_ENV=production: ${issue.messageEn}.`, { issues: [issue] });
    }
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
    await deps.database.migrate();
    process.stdout.write(`Writing ${dossiers.toLocaleString('en')} synthetic dossiers (${SYNTHETIC_LABEL}) of ${year}, province ${values.province}, seed ${seed}…\n`);
    const started = performance.now();
    const rate = (done: number) => `${Math.round(done / ((performance.now() - started) / 1000)).toLocaleString('en')} dossiers/s`;
    // A line every 5 % (at most every 100,000 dossiers).
    const every = Math.min(100_000, Math.max(1, Math.ceil(dossiers / 20)));
    let reported = 0;
    const result = await loadSyntheticDossiers(deps.db, {
      provinceCode: values.province,
      dossiers,
      seed,
      year,
      bulk: !values.online,
      onProgress: (done) => {
        if (Math.floor(done / every) === Math.floor(reported / every)) return;
        reported = done;
        process.stdout.write(`  ${done.toLocaleString('en')} / ${dossiers.toLocaleString('en')} dossiers, ${rate(done)}\n`);
      },
      onIndexes: (step, names) =>
        process.stdout.write(step === 'dropped' ? `  ${names.length} secondary indexes dropped for the load (built again at the end)\n` : `  recreating indexes… (${names.join(', ')})\n`),
    });
    process.stdout.write(
      `${result.dossiers.toLocaleString('en')} dossiers and ${result.actions.toLocaleString('en')} actions written in ${(result.loadMs / 1000).toFixed(1)} s ` +
        `(${Math.round(result.dossiers / (result.loadMs / 1000)).toLocaleString('en')} dossiers/s, indexes included); ` +
        `aggregates rebuilt (${result.aggregateRows.toLocaleString('en')} rows) in ${(result.rebuildMs / 1000).toFixed(1)} s.\n`,
    );
  },
  { migrate: false },
);
