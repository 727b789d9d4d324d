// npm run import:units [folder]: imports every dated state of the unit lists and the old → new mappings.
import path from 'node:path';
import { importUnits } from '../modules/units/import-units.ts';
import { createProgress } from '../progress.ts';
import { printIssues, runCommand } from './run-command.ts';

runCommand(async (deps, args) => {
  const dir = path.resolve(args[0] ?? path.join(deps.config.seedDir, 'admin-units'));
  const result = await importUnits(deps.db, dir, createProgress());
  for (const state of result.states) {
    process.stdout.write(
      `State ${state.date}: ${state.provinces} provinces, ${state.districts} districts, ${state.communes} communes\n`,
    );
  }
  process.stdout.write(
    `${result.versions} unit versions, ${result.successions} old → new links, ${result.issues.length} issues\n`,
  );
  printIssues(result.issues);
});
