// npm run import:procedures <file>: imports a catalogue file (national JSONL or Hanoi ICT JSON), versioned.
import path from 'node:path';
import { importProcedures } from '../modules/procedures/import-procedures.ts';
import { createProgress } from '../progress.ts';
import { printIssues, runCommand } from './run-command.ts';

runCommand(async (deps, args) => {
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (files.length === 0)
    throw new Error('Usage: npm run import:procedures -- <file.jsonl|file.json> [more files]');
  for (const file of files) {
    const result = await importProcedures(deps.db, path.resolve(file), createProgress());
    process.stdout.write(
      `${result.file} (${result.format}): ${result.records} records: ${result.inserted} new, ${result.updated} new versions, ` +
        `${result.unchanged} unchanged, ${result.skipped} skipped; ${result.issues.length} issues\n`,
    );
    printIssues(result.issues);
  }
});
