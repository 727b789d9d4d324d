import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceIssue, UnitRecord, UnitState } from './read-unit-states.ts';
import { buildUnitVersions, resolveSuccessions, UnitIndex } from './build-unit-history.ts';

// Small hand-made states (not real data): two districts' worth of communes merged into one new commune.
const unit = (
  code: string,
  name: string,
  level: UnitRecord['level'],
  parentCode: string | null,
  type?: UnitRecord['type'],
): UnitRecord => ({
  code,
  name,
  fullName: `${level === 'commune' ? 'Xã' : level === 'district' ? 'Huyện' : 'Tỉnh'} ${name}`,
  level,
  type: type ?? (level === 'commune' ? 'commune' : level === 'district' ? 'rural_district' : 'province'),
  typeName: 'x',
  nameEn: null,
  parentCode,
  file: 'f',
  line: 1,
});
const state = (date: string, units: UnitRecord[]): UnitState => ({
  date,
  units,
  counts: { province: 0, district: 0, commune: 0 },
});

const s1 = state('2023-04-10', [
  unit('01', 'A', 'province', null),
  unit('001', 'D1', 'district', '01'),
  unit('00001', 'X1', 'commune', '001'),
  unit('00002', 'X2', 'commune', '001'),
]);
const s2 = state('2025-03-01', [
  unit('01', 'A', 'province', null),
  unit('001', 'D1', 'district', '01'),
  unit('00001', 'X1 mới', 'commune', '001'),
]);
const s3 = state('2025-07-01', [unit('01', 'A', 'province', null), unit('00001', 'Y', 'commune', '01')]);

describe('buildUnitVersions', () => {
  it('keeps one version while a unit is unchanged and opens a new one when anything changes', () => {
    const versions = buildUnitVersions([s1, s2, s3]);
    const of = (code: string) =>
      versions
        .filter((v) => v.code === code)
        .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
        .map((v) => [v.name, v.validFrom, v.validTo]);
    assert.deepEqual(of('01'), [['A', '2023-04-10', null]]);
    assert.deepEqual(of('001'), [['D1', '2023-04-10', '2025-07-01']]);
    assert.deepEqual(of('00001'), [
      ['X1', '2023-04-10', '2025-03-01'],
      ['X1 mới', '2025-03-01', '2025-07-01'],
      ['Y', '2025-07-01', null],
    ]);
    assert.deepEqual(of('00002'), [['X2', '2023-04-10', '2025-03-01']]);
  });
});

describe('resolveSuccessions', () => {
  const index = new UnitIndex(buildUnitVersions([s1, s2, s3]));
  const row = (
    line: number,
    newCode: string,
    newName: string,
    oldCode: string,
    oldLevel: string,
    mergeType: string,
  ) => ({
    line,
    newProvinceCode: '01',
    newCode,
    newName,
    oldCode,
    oldName: '?',
    oldLevel,
    oldDistrictCode: '001',
    oldProvinceCode: '01',
    mergeType,
  });

  it('links old communes to new ones and derives the district link, full only when the whole unit moved', () => {
    const issues: SourceIssue[] = [];
    const links = resolveSuccessions(
      index,
      { file: 'm.csv', effectiveOn: '2025-07-01', rows: [row(2, '00001', 'Xã Y', '00001', 'ward', 'full')] },
      issues,
    );
    assert.deepEqual(issues, []);
    const pairs = links.map((l) => [l.old.code, l.old.validFrom, l.new.code, l.mergeType]).sort();
    assert.deepEqual(pairs, [
      ['00001', '2025-03-01', '00001', 'full'],
      ['001', '2023-04-10', '00001', 'full'],
    ]);
  });

  it('matches a wrong new code by name with a warning, and reports an unknown old code as an error with its line', () => {
    const issues: SourceIssue[] = [];
    const links = resolveSuccessions(
      index,
      {
        file: 'm.csv',
        effectiveOn: '2025-07-01',
        rows: [
          row(5, '09999', 'Xã Y', '00001', 'ward', 'partial'),
          row(6, '00001', 'Xã Y', '07777', 'ward', 'full'),
        ],
      },
      issues,
    );
    assert.equal(links.filter((l) => l.old.level === 'commune').length, 1);
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity]),
      [
        [5, 'warning'],
        [6, 'error'],
      ],
    );
    assert.match(issues[0]?.reason ?? '', /09999.*matched by name to code 00001/);
  });

  it('links an old commune missing from the last snapshot to its latest earlier version', () => {
    const issues: SourceIssue[] = [];
    const links = resolveSuccessions(
      index,
      {
        file: 'm.csv',
        effectiveOn: '2025-07-01',
        rows: [row(3, '00001', 'Xã Y', '00002', 'ward_not_in_snapshot', 'full')],
      },
      issues,
    );
    assert.equal(links.find((l) => l.old.code === '00002')?.old.validTo, '2025-03-01');
    assert.equal(issues[0]?.severity, 'warning');
  });

  it('rejects a merge type other than full or partial', () => {
    const issues: SourceIssue[] = [];
    resolveSuccessions(
      index,
      { file: 'm.csv', effectiveOn: '2025-07-01', rows: [row(9, '00001', 'Xã Y', '00001', 'ward', 'most')] },
      issues,
    );
    assert.equal(issues[0]?.line, 9);
    assert.match(issues[0]?.reason ?? '', /merge_type/);
  });
});
