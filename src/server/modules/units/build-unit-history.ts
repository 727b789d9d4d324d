// Turns dated snapshots of the unit lists into unit versions with validity ranges, and resolves the
// old → new mapping against those versions. Pure: no I/O, so the rules are tested directly.
import { previousIsoDate, type MergeType, type UnitLevel } from '../../../shared/units.ts';
import type { MappingFile, SourceIssue, UnitRecord, UnitState } from './read-unit-states.ts';

export interface UnitVersion extends Omit<UnitRecord, 'file' | 'line'> {
  validFrom: string;
  validTo: string | null;
}

export interface Succession {
  old: UnitVersion;
  new: UnitVersion;
  mergeType: MergeType;
  effectiveOn: string;
  source: string;
}

const signature = (unit: UnitRecord | UnitVersion): string =>
  [unit.level, unit.type, unit.name, unit.fullName, unit.parentCode ?? ''].join('|');

/**
 * A unit that appears unchanged (same level, type, names and parent) in consecutive states is one version;
 * any change, or absence from a state, closes the version on that state's date.
 */
export function buildUnitVersions(states: UnitState[]): UnitVersion[] {
  const closed: UnitVersion[] = [];
  let open = new Map<string, UnitVersion>();
  for (const state of states) {
    const next = new Map<string, UnitVersion>();
    for (const unit of state.units) {
      const current = open.get(unit.code);
      if (current && signature(current) === signature(unit)) {
        next.set(unit.code, current);
        open.delete(unit.code);
      } else {
        const { file: _file, line: _line, ...rest } = unit;
        next.set(unit.code, { ...rest, validFrom: state.date, validTo: null });
      }
    }
    for (const ended of open.values()) closed.push({ ...ended, validTo: state.date });
    open = next;
  }
  return [...closed, ...open.values()];
}

export class UnitIndex {
  private readonly byCode = new Map<string, UnitVersion[]>();

  constructor(versions: UnitVersion[]) {
    for (const version of versions) {
      const list = this.byCode.get(version.code) ?? [];
      list.push(version);
      this.byCode.set(version.code, list);
    }
  }

  /** The version of `code` at `level` valid on `date`. */
  at(code: string, date: string, level?: UnitLevel): UnitVersion | undefined {
    return this.byCode
      .get(code)
      ?.find(
        (v) =>
          v.validFrom <= date && (v.validTo === null || v.validTo > date) && (!level || v.level === level),
      );
  }

  /** The latest version of `code` that had ended by `date`. */
  latestBefore(code: string, date: string, level?: UnitLevel): UnitVersion | undefined {
    return this.byCode
      .get(code)
      ?.filter((v) => v.validFrom < date && (!level || v.level === level))
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  }

  /** Units of `level` valid on `date` whose full name is `fullName`, optionally under `parentCode`. */
  byFullName(fullName: string, date: string, level: UnitLevel, parentCode?: string): UnitVersion[] {
    const wanted = fullName.normalize('NFC').toLowerCase();
    const matches: UnitVersion[] = [];
    for (const list of this.byCode.values()) {
      for (const v of list) {
        if (
          v.level === level &&
          v.validFrom <= date &&
          (v.validTo === null || v.validTo > date) &&
          v.fullName.normalize('NFC').toLowerCase() === wanted &&
          (!parentCode || v.parentCode === parentCode)
        ) {
          matches.push(v);
        }
      }
    }
    return matches;
  }
}

/**
 * Resolves each mapping row to an old and a new unit version, and derives the district- and province-level
 * successions from the commune links. Rows whose codes disagree with the unit lists are matched by name where
 * exactly one unit fits (a warning) and reported as errors otherwise.
 */
export function resolveSuccessions(
  index: UnitIndex,
  mapping: MappingFile,
  issues: SourceIssue[],
): Succession[] {
  const { effectiveOn, file } = mapping;
  const dayBefore = previousIsoDate(effectiveOn);
  const links = new Map<string, Succession>();
  const addLink = (succession: Succession) => {
    if (succession.old === succession.new) return;
    const key = `${succession.old.code}@${succession.old.validFrom}>${succession.new.code}@${succession.new.validFrom}`;
    const existing = links.get(key);
    if (existing && existing.mergeType === 'full') return;
    links.set(key, succession);
  };
  const report = (line: number, severity: SourceIssue['severity'], reason: string) =>
    issues.push({ file, line, severity, reason });

  const communeLinks: { old: UnitVersion; new: UnitVersion; mergeType: MergeType }[] = [];
  for (const row of mapping.rows) {
    if (row.mergeType !== 'full' && row.mergeType !== 'partial') {
      report(row.line, 'error', `merge_type must be full or partial (got "${row.mergeType}")`);
      continue;
    }
    let newUnit = index.at(row.newCode, effectiveOn, 'commune');
    if (!newUnit) {
      const byName = index.byFullName(row.newName, effectiveOn, 'commune', row.newProvinceCode);
      if (byName.length === 1 && byName[0]) {
        newUnit = byName[0];
        report(
          row.line,
          'warning',
          `new unit code ${row.newCode} ("${row.newName}") is not in the state of ${effectiveOn}; matched by name to code ${newUnit.code}`,
        );
      } else {
        report(
          row.line,
          'error',
          `new unit code ${row.newCode} ("${row.newName}") is not in the state of ${effectiveOn} and no single unit has that name`,
        );
        continue;
      }
    }
    let oldUnit: UnitVersion | undefined;
    if (row.oldLevel === 'district_without_wards') {
      oldUnit = index.at(row.oldCode, dayBefore, 'district');
    } else if (row.oldLevel === 'ward') {
      oldUnit = index.at(row.oldCode, dayBefore, 'commune');
    } else {
      oldUnit = index.latestBefore(row.oldCode, effectiveOn, 'commune');
      if (oldUnit) {
        report(
          row.line,
          'warning',
          `old unit ${row.oldCode} (${row.oldLevel}) is not in the state before ${effectiveOn}; linked to its version of ${oldUnit.validFrom}`,
        );
      }
    }
    if (!oldUnit) {
      report(
        row.line,
        'error',
        `old unit code ${row.oldCode} ("${row.oldName}", ${row.oldLevel}) is in no earlier state`,
      );
      continue;
    }
    const mergeType = row.mergeType;
    addLink({ old: oldUnit, new: newUnit, mergeType, effectiveOn, source: file });
    if (oldUnit.level === 'commune') communeLinks.push({ old: oldUnit, new: newUnit, mergeType });
  }

  // District → commune and province → province links, derived from the commune links: full only when every
  // part of the old unit went, whole, into one new unit.
  const derive = (
    parentOf: (link: (typeof communeLinks)[number]) => { old?: UnitVersion; new?: UnitVersion },
  ) => {
    const groups = new Map<UnitVersion, { targets: Set<UnitVersion>; allFull: boolean }>();
    for (const link of communeLinks) {
      const pair = parentOf(link);
      if (!pair.old || !pair.new) continue;
      const group = groups.get(pair.old) ?? { targets: new Set<UnitVersion>(), allFull: true };
      group.targets.add(pair.new);
      group.allFull &&= link.mergeType === 'full';
      groups.set(pair.old, group);
    }
    for (const [old, { targets, allFull }] of groups) {
      const mergeType: MergeType = targets.size === 1 && allFull ? 'full' : 'partial';
      for (const target of targets) addLink({ old, new: target, mergeType, effectiveOn, source: file });
    }
  };
  const lastDayOf = (unit: UnitVersion) => (unit.validTo ? previousIsoDate(unit.validTo) : dayBefore);
  const districtOf = (unit: UnitVersion) =>
    unit.parentCode ? index.at(unit.parentCode, lastDayOf(unit), 'district') : undefined;
  derive((link) => ({ old: districtOf(link.old), new: link.new }));
  derive((link) => {
    const district = districtOf(link.old);
    return {
      old: district?.parentCode ? index.at(district.parentCode, lastDayOf(link.old), 'province') : undefined,
      new: link.new.parentCode ? index.at(link.new.parentCode, effectiveOn, 'province') : undefined,
    };
  });
  return [...links.values()];
}
