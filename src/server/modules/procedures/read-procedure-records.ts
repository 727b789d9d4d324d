// Reading a procedure catalogue file for the import: which of the two formats it is, how many lines it has (for
// progress), and its records one by one with their line numbers, reporting unreadable JSON as source issues.
import fs from 'node:fs';
import readline from 'node:readline';
import type { SourceIssue } from '../units/read-unit-states.ts';
import type { ProcedureSource } from './parse-procedure-sources.ts';

/** Detects the format: a .jsonl file is the national export; a JSON array is told apart by its fields. */
export function detectFormat(file: string): ProcedureSource {
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) return 'dvcqg';
  const head = fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 20_000);
  return /"deadline_unit"|"portal_id"/.test(head) ? 'hanoi_ict_2022' : 'dvcqg';
}

export async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
  }
  return lines + 1;
}

/** Yields each record with its line number (JSONL) or its position (JSON array, 1-based). */
export async function* readRecords(file: string, format: ProcedureSource, issues: SourceIssue[], name: string) {
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
    const reader = readline.createInterface({
      input: fs.createReadStream(file, 'utf8'),
      crlfDelay: Infinity,
    });
    let line = 0;
    for await (const content of reader) {
      line += 1;
      if (content.trim() === '') continue;
      try {
        yield { line, record: JSON.parse(content) as unknown };
      } catch (error) {
        issues.push({
          file: name,
          line,
          severity: 'error',
          reason: `invalid JSON: ${(error as Error).message}`,
        });
      }
    }
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    issues.push({
      file: name,
      line: null,
      severity: 'error',
      reason: `invalid JSON: ${(error as Error).message}`,
    });
    return;
  }
  if (!Array.isArray(data)) {
    issues.push({
      file: name,
      line: null,
      severity: 'error',
      reason: `expected a JSON array of ${format} records`,
    });
    return;
  }
  for (const [i, record] of data.entries()) yield { line: i + 1, record };
}
