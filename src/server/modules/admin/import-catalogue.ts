// Use case: an administrator uploads a procedure catalogue in the seed's JSONL format. The format is checked first
// (every bad line reported by number), then a `jobs` row is created and the import runs in this process, writing
// its progress (done / total records) to the row for the web app to poll.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import type { Progress } from '../../progress.ts';
import { importProcedures } from '../procedures/import-procedures.ts';
import { requireProvinceAdmin } from './admin-access.ts';
import { finishJob, insertJob, markJobRunning, updateJobProgress, type JobRow } from './jobs.queries.ts';

export const CATALOGUE_IMPORT = 'procedures.import';
export const MAX_CATALOGUE_LINES = 20_000;
const MAX_REPORTED = 200;

export interface CatalogueImportSummary {
  records: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  rejections: { line: number; reason: string }[];
}

export interface LineProblem {
  line: number;
  reason: string;
  reasonEn: string;
}

/** Counts the records of a JSONL text, or throws INVALID_INPUT listing every line that is not a JSON object. */
export function checkCatalogueLines(content: string): number {
  const problems: LineProblem[] = [];
  let records = 0;
  const lines = content.split(/\r?\n/);
  for (const [i, text] of lines.entries()) {
    if (text.trim() === '') continue;
    records += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problems.push({ line: i + 1, reason: 'không phải JSON hợp lệ', reasonEn: 'is not valid JSON' });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ line: i + 1, reason: 'không phải một đối tượng JSON (một thủ tục mỗi dòng)', reasonEn: 'is not a JSON object (one procedure per line)' });
    }
  }
  const issue = (rule: string, message: string, messageEn: string) => ({ path: 'body.content', rule, message, messageEn });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AppError('INVALID_INPUT', `Tệp không đúng định dạng JSONL: dòng ${first.line} ${first.reason}.`, `The file is not valid JSONL: line ${first.line} ${first.reasonEn}.`, {
      issues: [issue('jsonl', `có ${problems.length} dòng sai định dạng`, `${problems.length} line(s) are malformed`)],
      lines: problems.slice(0, MAX_REPORTED),
      lineCount: problems.length,
    });
  }
  if (records === 0) throw AppError.invalidInput([issue('required', 'tệp không có thủ tục nào', 'the file has no procedure')]);
  if (records > MAX_CATALOGUE_LINES) {
    throw AppError.invalidInput([issue('max_lines', `tối đa ${MAX_CATALOGUE_LINES} dòng mỗi lần`, `at most ${MAX_CATALOGUE_LINES} lines at a time`)]);
  }
  return records;
}

/** Checks the upload, records the job and starts it; answers at once with the queued job. */
export async function startCatalogueImport(deps: Pick<Deps, 'db' | 'clock' | 'log'>, viewer: Viewer, input: { fileName: string; content: string }): Promise<JobRow> {
  requireProvinceAdmin(viewer);
  const total = checkCatalogueLines(input.content);
  const fileName = path.basename(input.fileName).replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/\.(jsonl|ndjson)$/i, '') + '.jsonl';
  const job = await insertJob(deps.db, { kind: CATALOGUE_IMPORT, total, input: { fileName, records: total, bytes: Buffer.byteLength(input.content) }, createdBy: viewer.userId, createdAt: deps.clock.now() });
  // The importer reads files; its issue log is keyed by "<folder>/<file>", so the folder name is fixed.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-import-'));
  const file = path.join(dir, 'admin-upload', fileName);
  await fs.mkdir(path.dirname(file));
  await fs.writeFile(file, input.content);
  setImmediate(() => void runCatalogueImport(deps, job.id, file).finally(() => fs.rm(dir, { recursive: true, force: true })));
  return job;
}

/** Runs one import job to the end; failures are recorded on the job, never thrown. */
export async function runCatalogueImport(deps: Pick<Deps, 'db' | 'clock' | 'log'>, jobId: string, file: string): Promise<void> {
  try {
    await markJobRunning(deps.db, jobId, deps.clock.now());
    let done = 0;
    let written = Promise.resolve();
    const progress: Progress = {
      start() {},
      advance(count = 1) {
        done += count;
        const value = done;
        written = written.then(() => updateJobProgress(deps.db, jobId, value));
      },
      finish() {},
    };
    const result = await importProcedures(deps.db, file, progress);
    await written;
    const rejections = result.issues.filter((i) => i.severity === 'error' && i.line !== null);
    const summary: CatalogueImportSummary = {
      records: result.records,
      added: result.inserted,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: rejections.length,
      warnings: result.issues.filter((i) => i.severity === 'warning').length,
      rejections: rejections.slice(0, MAX_REPORTED).map((i) => ({ line: i.line as number, reason: i.reason })),
    };
    await finishJob(deps.db, jobId, { status: 'succeeded', summary }, deps.clock.now());
  } catch (error) {
    deps.log.error({ err: error, jobId }, 'catalogue import failed');
    await finishJob(deps.db, jobId, { status: 'failed', error: (error as Error).message }, deps.clock.now()).catch(() => undefined);
  }
}
