// First-start seed: the real public data in SEED_DIR (units, procedures, agency codes), once per database.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { vietnamToday, type Deps } from '../deps.ts';
import { seedAgencies } from '../modules/agencies/seed-agencies.ts';
import { importProcedures } from '../modules/procedures/import-procedures.ts';
import { importUnits } from '../modules/units/import-units.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { systemState } from './schema.ts';

const SEED_KEY = 'catalogue_seed';

export async function isSeeded(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const rows = await deps.db.select().from(systemState).where(eq(systemState.key, SEED_KEY));
  return rows.length > 0;
}

/** The procedure files under SEED_DIR/procedures/<source>/ (JSON or JSONL), in a stable order. */
export function listSeedProcedureFiles(seedDir: string): string[] {
  const root = path.join(seedDir, 'procedures');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      fs
        .readdirSync(path.join(root, entry.name))
        .filter((name) => name.endsWith('.json') || name.endsWith('.jsonl'))
        .map((name) => path.join(root, entry.name, name)),
    )
    .sort();
}

/**
 * Imports all units, all procedure files and the seed province's agencies, then records that it did.
 * Runs only when the database has not been seeded yet, so later starts skip it.
 */
export async function seedCatalogue(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'log'>,
  progress: Progress = silentProgress,
) {
  if (await isSeeded(deps)) return { seeded: false as const };
  const { seedDir, seedProvinceCode } = deps.config;
  if (!fs.existsSync(path.join(seedDir, 'admin-units'))) {
    throw new Error(`SEED_DIR ${seedDir} has no admin-units folder; set SEED_DIR or SEED_ON_START=false.`);
  }
  const units = await importUnits(deps.db, path.join(seedDir, 'admin-units'), progress);
  deps.log.info(
    { versions: units.versions, successions: units.successions, issues: units.issues.length },
    'units imported',
  );
  const procedureResults = [];
  for (const file of listSeedProcedureFiles(seedDir)) {
    const result = await importProcedures(deps.db, file, progress);
    procedureResults.push({ file: result.file, records: result.records, skipped: result.skipped });
    deps.log.info(
      {
        file: result.file,
        inserted: result.inserted,
        unchanged: result.unchanged,
        issues: result.issues.length,
      },
      'procedures imported',
    );
  }
  const agencies = await seedAgencies(deps.db, {
    provinceCode: seedProvinceCode,
    date: vietnamToday(deps.clock),
    seedDir,
  });
  deps.log.info(agencies, 'agencies seeded');
  await deps.db
    .insert(systemState)
    .values({
      key: SEED_KEY,
      value: { completedAt: deps.clock.now().toISOString(), procedures: procedureResults, agencies },
    })
    .onConflictDoUpdate({
      target: systemState.key,
      set: { value: sql`excluded.value`, updatedAt: sql`now()` },
    });
  return { seeded: true as const, units, procedures: procedureResults, agencies };
}
