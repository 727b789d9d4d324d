// Use case: import a procedure catalogue file of either known format, any size, idempotently and versioned.
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  importIssues,
  procedureChannelOptions,
  procedures,
  procedureVariants,
  procedureVersions,
} from '../../db/schema.ts';
import { silentProgress, type Progress } from '../../progress.ts';
import type { SourceIssue } from '../units/read-unit-states.ts';
import {
  parseDvcqgRecord,
  type NormalizedProcedure,
  type ParseResult,
  type ProcedureSource,
} from './parse-procedure-sources.ts';
import { countLines, detectFormat, readRecords } from './read-procedure-records.ts';
import { parseHanoiIctRecord } from './parse-hanoi-ict.ts';

const BATCH = 250;

export interface ImportProceduresResult {
  file: string;
  format: ProcedureSource;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  issues: SourceIssue[];
}

interface ParsedLine {
  line: number;
  procedure: NormalizedProcedure;
}

/**
 * Imports `file`. Every record is imported, left unchanged (same content hash), turned into a new version
 * (changed content), or reported with its line number and the reason; nothing is skipped silently.
 */
export async function importProcedures(
  db: Db,
  file: string,
  progress: Progress = silentProgress,
): Promise<ImportProceduresResult> {
  const format = detectFormat(file);
  const name = path.basename(path.dirname(file)) + '/' + path.basename(file);
  const parse: (record: unknown) => ParseResult = format === 'dvcqg' ? parseDvcqgRecord : parseHanoiIctRecord;
  const issues: SourceIssue[] = [];
  const result: ImportProceduresResult = {
    file: name,
    format,
    records: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    issues,
  };
  const firstLineOfKey = new Map<string, number>();
  let batch: ParsedLine[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const counts = await db.transaction((tx) => writeBatch(tx, batch));
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    progress.advance(batch.length);
    batch = [];
  };

  progress.start(`Procedures (${name})`, file.endsWith('.jsonl') ? await countLines(file) : 0);
  for await (const { line, record } of readRecords(file, format, issues, name)) {
    result.records += 1;
    const parsed = parse(record);
    if (!parsed.ok) {
      issues.push({ file: name, line, severity: 'error', reason: parsed.reason });
      progress.advance();
      continue;
    }
    for (const warning of parsed.warnings)
      issues.push({ file: name, line, severity: 'warning', reason: warning });
    const key = parsed.procedure.sourceKey;
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      issues.push({
        file: name,
        line,
        severity: 'error',
        reason: `duplicate of line ${first} (same key ${key}); skipped`,
      });
      progress.advance();
      continue;
    }
    firstLineOfKey.set(key, line);
    batch.push({ line, procedure: parsed.procedure });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  progress.finish();
  result.skipped = issues.filter((issue) => issue.severity === 'error' && issue.line !== null).length;

  await db.transaction(async (tx) => {
    await tx
      .delete(importIssues)
      .where(and(eq(importIssues.importKind, 'procedures'), eq(importIssues.sourceFile, name)));
    for (let i = 0; i < issues.length; i += 1000) {
      await tx.insert(importIssues).values(
        issues.slice(i, i + 1000).map((issue) => ({
          importKind: 'procedures',
          sourceFile: issue.file,
          line: issue.line,
          severity: issue.severity,
          reason: issue.reason,
        })),
      );
    }
  });
  return result;
}

async function writeBatch(tx: Tx, batch: ParsedLine[]) {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const source = batch[0]?.procedure.source as ProcedureSource;
  const existing = await tx
    .select({
      id: procedures.id,
      sourceKey: procedures.sourceKey,
      contentHash: procedureVersions.contentHash,
      version: sql<number>`(select max(v.version) from procedure_versions v where v.procedure_id = ${procedures.id})::int`,
    })
    .from(procedures)
    .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(
      and(
        eq(procedures.source, source),
        inArray(
          procedures.sourceKey,
          batch.map((b) => b.procedure.sourceKey),
        ),
      ),
    );
  const byKey = new Map(existing.map((row) => [row.sourceKey, row]));

  const toInsert = batch.filter((b) => !byKey.has(b.procedure.sourceKey));
  const inserted = toInsert.length
    ? await tx
        .insert(procedures)
        .values(
          toInsert.map(({ procedure: p }) => ({
            source: p.source,
            sourceKey: p.sourceKey,
            nationalCode: p.nationalCode,
          })),
        )
        .returning({ id: procedures.id, sourceKey: procedures.sourceKey })
    : [];
  const newIds = new Map(inserted.map((row) => [row.sourceKey, row.id]));
  counts.inserted = inserted.length;

  const versions: { procedureId: string; version: number; procedure: NormalizedProcedure }[] = [];
  for (const { procedure } of batch) {
    const current = byKey.get(procedure.sourceKey);
    if (!current) {
      versions.push({ procedureId: newIds.get(procedure.sourceKey) as string, version: 1, procedure });
    } else if (current.contentHash !== procedure.contentHash) {
      versions.push({ procedureId: current.id, version: (current.version ?? 0) + 1, procedure });
      counts.updated += 1;
    } else {
      counts.unchanged += 1;
    }
  }
  if (versions.length === 0) return counts;

  const versionRows = await tx
    .insert(procedureVersions)
    .values(
      versions.map(({ procedureId, version, procedure: p }) => ({
        procedureId,
        version,
        contentHash: p.contentHash,
        nationalCode: p.nationalCode,
        name: p.name,
        field: p.field,
        levels: p.levels,
        managingMinistry: p.managingMinistry,
        decision: p.decision,
        procedureType: p.procedureType,
        applicantTypes: p.applicantTypes,
        competentAgencyText: p.competentAgencyText,
        implementingAgencyText: p.implementingAgencyText,
        coordinatingAgencyText: p.coordinatingAgencyText,
        steps: p.steps,
        dossierText: p.dossierText,
        components: p.components,
        conditions: p.conditions,
        result: p.result,
        legalBasis: p.legalBasis,
        formsText: p.formsText,
        onlineLevelOld: p.onlineLevelOld,
        onlineLevel: p.onlineLevel,
        sourceUrl: p.sourceUrl,
        raw: p.raw,
      })),
    )
    .returning({ id: procedureVersions.id, procedureId: procedureVersions.procedureId });

  const variantInputs = versionRows.flatMap((row, i) =>
    (versions[i]?.procedure.variants ?? []).map((variant, seq) => ({ versionId: row.id, seq, variant })),
  );
  const variantRows = await tx
    .insert(procedureVariants)
    .values(
      variantInputs.map(({ versionId, seq, variant }) => ({
        versionId,
        seq,
        name: variant.name,
        isDefault: seq === 0,
      })),
    )
    .returning({ id: procedureVariants.id });
  const options = variantRows.flatMap((row, i) =>
    (variantInputs[i]?.variant.channels ?? []).map((option, seq) => ({ variantId: row.id, seq, ...option })),
  );
  for (let i = 0; i < options.length; i += 1000) {
    await tx.insert(procedureChannelOptions).values(options.slice(i, i + 1000));
  }
  for (const row of versionRows) {
    await tx
      .update(procedures)
      .set({
        currentVersionId: row.id,
        updatedAt: sql`now()`,
        nationalCode: sql`(select national_code from procedure_versions where id = ${row.id})`,
      })
      .where(eq(procedures.id, row.procedureId));
  }
  return counts;
}
