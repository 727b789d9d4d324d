// Reads the statistics-office unit lists (one folder per state of the law) and the old → new mapping file.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { classifyUnitType, type UnitLevel, type UnitType } from '../../../shared/units.ts';

export interface SourceIssue {
  file: string;
  line: number | null;
  severity: 'warning' | 'error';
  reason: string;
}

export interface UnitRecord {
  code: string;
  level: UnitLevel;
  type: UnitType;
  typeName: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  parentCode: string | null;
  file: string;
  line: number;
}

export interface UnitState {
  date: string;
  units: UnitRecord[];
  counts: Record<UnitLevel, number>;
}

export interface MappingRow {
  line: number;
  newProvinceCode: string;
  newCode: string;
  newName: string;
  oldCode: string;
  oldName: string;
  oldLevel: string;
  oldDistrictCode: string;
  oldProvinceCode: string;
  mergeType: string;
}

export interface MappingFile {
  file: string;
  effectiveOn: string;
  rows: MappingRow[];
}

type CsvRow = Record<string, string>;

function readCsv(file: string): { row: CsvRow; line: number }[] {
  const records = parse(fs.readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
  }) as {
    record: CsvRow;
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ row: record, line: info.lines }));
}

/** Lists the dated state folders (YYYY-MM-DD) under `dir`, oldest first. */
export function listStateDates(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Reads one state folder; rows that cannot be used are reported in `issues`, never dropped silently. */
export function readUnitState(dir: string, date: string, issues: SourceIssue[]): UnitState {
  const folder = path.join(dir, date);
  const hasDistricts = fs.existsSync(path.join(folder, 'districts.csv'));
  const units: UnitRecord[] = [];
  const seen = new Set<string>();
  const counts: Record<UnitLevel, number> = { province: 0, district: 0, commune: 0 };
  const files: { name: string; expected: UnitLevel; parentColumn: string | null }[] = [
    { name: 'provinces.csv', expected: 'province', parentColumn: null },
    ...(hasDistricts
      ? [{ name: 'districts.csv', expected: 'district' as const, parentColumn: 'province_code' }]
      : []),
    {
      name: 'wards.csv',
      expected: 'commune',
      parentColumn: hasDistricts ? 'district_code' : 'province_code',
    },
  ];
  const parentsByLevel: Record<UnitLevel, Set<string>> = {
    province: new Set(),
    district: new Set(),
    commune: new Set(),
  };
  for (const { name, expected, parentColumn } of files) {
    const file = path.join(folder, name);
    const relative = path.join(path.basename(dir), date, name);
    if (!fs.existsSync(file)) {
      issues.push({ file: relative, line: null, severity: 'error', reason: `missing file ${name}` });
      continue;
    }
    for (const { row, line } of readCsv(file)) {
      const code = row.code ?? '';
      const classified = classifyUnitType(row.type_full || row.type || '');
      if (!code || !row.name) {
        issues.push({ file: relative, line, severity: 'error', reason: 'missing code or name' });
        continue;
      }
      if (!classified || classified.level !== expected) {
        issues.push({
          file: relative,
          line,
          severity: 'error',
          reason: `unknown unit type "${row.type_full ?? row.type}" for code ${code}`,
        });
        continue;
      }
      if (seen.has(code)) {
        issues.push({
          file: relative,
          line,
          severity: 'error',
          reason: `duplicate code ${code} in the same state`,
        });
        continue;
      }
      const parentCode = parentColumn ? (row[parentColumn] ?? '') : null;
      if (parentColumn && !parentCode) {
        issues.push({
          file: relative,
          line,
          severity: 'error',
          reason: `missing ${parentColumn} for code ${code}`,
        });
        continue;
      }
      const parentLevel: UnitLevel = parentColumn === 'district_code' ? 'district' : 'province';
      if (parentCode && !parentsByLevel[parentLevel].has(parentCode)) {
        issues.push({
          file: relative,
          line,
          severity: 'warning',
          reason: `parent ${parentCode} of ${code} is not in this state`,
        });
      }
      seen.add(code);
      parentsByLevel[expected].add(code);
      counts[expected] += 1;
      units.push({
        code,
        level: classified.level,
        type: classified.type,
        typeName: row.type_full || row.type || '',
        name: row.name,
        fullName: row.full_name || row.name,
        nameEn: row.name_en || null,
        parentCode,
        file: relative,
        line,
      });
    }
  }
  return { date, units, counts };
}

/** Finds mapping files named like `ward-mapping-YYYY-MM-DD-old-to-new.csv` and reads them. */
export function readMappingFiles(dir: string): MappingFile[] {
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, match: /^ward-mapping-(\d{4}-\d{2}-\d{2})-old-to-new\.csv$/.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, match }) => ({
      file: path.join(path.basename(dir), name),
      effectiveOn: match[1] as string,
      rows: readCsv(path.join(dir, name)).map(({ row, line }) => ({
        line,
        newProvinceCode: row.new_province_code ?? '',
        newCode: row.new_ward_code ?? '',
        newName: row.new_ward_name ?? '',
        oldCode: row.old_unit_code ?? '',
        oldName: row.old_unit_name ?? '',
        oldLevel: row.old_unit_level ?? '',
        oldDistrictCode: row.old_district_code ?? '',
        oldProvinceCode: row.old_province_code ?? '',
        mergeType: row.merge_type ?? '',
      })),
    }));
}
