// Use case: import every state of the administrative-unit lists and the old → new mappings, idempotently.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminUnits, adminUnitSuccessions, importIssues } from '../../db/schema.ts';
import { silentProgress, type Progress } from '../../progress.ts';
import { buildUnitVersions, resolveSuccessions, UnitIndex, type UnitVersion } from './build-unit-history.ts';
import {
  listStateDates,
  readMappingFiles,
  readUnitState,
  type SourceIssue,
  type UnitState,
} from './read-unit-states.ts';

export const UNIT_SOURCE = 'gso';
const BATCH = 1000;

export interface ImportUnitsResult {
  states: { date: string; provinces: number; districts: number; communes: number }[];
  versions: number;
  successions: number;
  issues: SourceIssue[];
}

/**
 * Reads every dated state folder and mapping file under `dir` and makes the database hold exactly those
 * unit versions (source 'gso'); units entered by hand keep their rows. Problems are reported, never fatal.
 */
export async function importUnits(
  db: Db,
  dir: string,
  progress: Progress = silentProgress,
): Promise<ImportUnitsResult> {
  const issues: SourceIssue[] = [];
  const states: UnitState[] = listStateDates(dir).map((date) => readUnitState(dir, date, issues));
  const versions = buildUnitVersions(states);
  const index = new UnitIndex(versions);
  const successions = readMappingFiles(dir).flatMap((mapping) => resolveSuccessions(index, mapping, issues));

  await db.transaction(async (tx) => {
    progress.start('Administrative units', versions.length);
    const idByKey = new Map<string, string>();
    for (let i = 0; i < versions.length; i += BATCH) {
      const batch = versions.slice(i, i + BATCH);
      const rows = await tx
        .insert(adminUnits)
        .values(batch.map((v) => toRow(v)))
        .onConflictDoUpdate({
          target: [adminUnits.code, adminUnits.validFrom],
          set: {
            level: sql`excluded.level`,
            type: sql`excluded.type`,
            typeName: sql`excluded.type_name`,
            name: sql`excluded.name`,
            fullName: sql`excluded.full_name`,
            nameEn: sql`excluded.name_en`,
            parentCode: sql`excluded.parent_code`,
            validTo: sql`excluded.valid_to`,
            source: sql`excluded.source`,
          },
        })
        .returning({ id: adminUnits.id, code: adminUnits.code, validFrom: adminUnits.validFrom });
      for (const row of rows) idByKey.set(`${row.code}@${row.validFrom}`, row.id);
      progress.advance(batch.length);
    }
    progress.finish();
    const keys = [...idByKey.keys()];
    await tx.execute(
      sql`DELETE FROM admin_units WHERE source = ${UNIT_SOURCE} AND NOT (code || '@' || valid_from::text = ANY(string_to_array(${keys.join(',')}, ',')))`,
    );

    const idOf = (v: UnitVersion) => idByKey.get(`${v.code}@${v.validFrom}`) as string;
    const sources = [...new Set(successions.map((s) => s.source))];
    for (const source of sources)
      await tx.delete(adminUnitSuccessions).where(eq(adminUnitSuccessions.source, source));
    progress.start('Old → new unit mapping', successions.length);
    for (let i = 0; i < successions.length; i += BATCH) {
      const batch = successions.slice(i, i + BATCH);
      await tx.insert(adminUnitSuccessions).values(
        batch.map((s) => ({
          oldUnitId: idOf(s.old),
          newUnitId: idOf(s.new),
          mergeType: s.mergeType,
          effectiveOn: s.effectiveOn,
          source: s.source,
        })),
      );
      progress.advance(batch.length);
    }
    progress.finish();

    await tx.delete(importIssues).where(and(eq(importIssues.importKind, 'units')));
    for (let i = 0; i < issues.length; i += BATCH) {
      await tx.insert(importIssues).values(
        issues.slice(i, i + BATCH).map((issue) => ({
          importKind: 'units',
          sourceFile: issue.file,
          line: issue.line,
          severity: issue.severity,
          reason: issue.reason,
        })),
      );
    }
  });

  return {
    states: states.map((s) => ({
      date: s.date,
      provinces: s.counts.province,
      districts: s.counts.district,
      communes: s.counts.commune,
    })),
    versions: versions.length,
    successions: successions.length,
    issues,
  };
}

function toRow(v: UnitVersion) {
  return {
    code: v.code,
    level: v.level,
    type: v.type,
    typeName: v.typeName,
    name: v.name,
    fullName: v.fullName,
    nameEn: v.nameEn,
    parentCode: v.parentCode,
    validFrom: v.validFrom,
    validTo: v.validTo,
    source: UNIT_SOURCE,
  };
}
