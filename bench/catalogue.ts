// bench:catalogue — time to import all administrative-unit states and the whole national procedure file,
// on the embedded database (always) and on PostgreSQL (when DATABASE_URL is set; a fresh database is used).
// Prints each time against the 30 s target and against the time to merely read and parse the same files
// (the floor no importer can beat), measured in the same run.
import { performance } from 'node:perf_hooks';
import { importProcedures } from '../src/server/modules/procedures/import-procedures.ts';
import { parseDvcqgRecord } from '../src/server/modules/procedures/parse-procedure-sources.ts';
import { buildUnitVersions } from '../src/server/modules/units/build-unit-history.ts';
import { importUnits } from '../src/server/modules/units/import-units.ts';
import { listStateDates, readUnitState } from '../src/server/modules/units/read-unit-states.ts';
import { loadConfig } from '../src/server/config.ts';
import { createTestContext, seedPath } from '../src/server/testing/test-deps.ts';
import fs from 'node:fs';

const TARGET_SECONDS = 30;
const unitsDir = seedPath('admin-units');
const nationalFile = seedPath('procedures', 'national-2026', 'procedures.jsonl');

function parseOnly(): number {
  const start = performance.now();
  const states = listStateDates(unitsDir).map((date) => readUnitState(unitsDir, date, []));
  buildUnitVersions(states);
  for (const line of fs.readFileSync(nationalFile, 'utf8').split('\n')) if (line.trim()) parseDvcqgRecord(JSON.parse(line));
  return (performance.now() - start) / 1000;
}

async function importAll(engine: 'pglite' | 'postgres'): Promise<number> {
  const ctx = await createTestContext({ config: engine === 'pglite' ? { databaseUrl: undefined } : {} });
  try {
    const start = performance.now();
    await importUnits(ctx.deps.db, unitsDir);
    await importProcedures(ctx.deps.db, nationalFile);
    return (performance.now() - start) / 1000;
  } finally {
    await ctx.close();
  }
}

const floor = parseOnly();
console.log(`read + parse only (floor): ${floor.toFixed(2)} s`);
const engines: ('pglite' | 'postgres')[] = loadConfig().databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
for (const engine of engines) {
  const seconds = await importAll(engine);
  console.log(
    `${engine.padEnd(8)} import of all unit states + national file: ${seconds.toFixed(2)} s ` +
      `(target ${TARGET_SECONDS} s: ${(seconds / TARGET_SECONDS).toFixed(2)} of the target; ${(seconds / floor).toFixed(1)}× the parse floor) ` +
      (seconds < TARGET_SECONDS ? 'OK' : 'OVER TARGET'),
  );
}
if (engines.length === 1) console.log('(set DATABASE_URL to a PostgreSQL server to measure it too)');
