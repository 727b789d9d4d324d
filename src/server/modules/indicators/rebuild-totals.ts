// The running sums of a full rebuild, kept compact: each (agency, procedure) pair and each measure is numbered once,
// so a row's key (pair, day, measure) is one safe integer and a sum is one Map<number, number> entry, not a string key
// and an object per row. Partial sums (one per worker) travel as typed arrays and merge into the main thread's.
import type { KeyedRow } from './day-counts.ts';

const DAYS = 65_536; // days since 1970-01-01: up to the year 2149
const MEASURES = 64;
const MAX_PAIRS = 2 ** 31; // pair × DAYS × MEASURES stays below 2^53

/** Partial sums in a structured-clone friendly form (the typed arrays are transferred, not copied). */
export interface PackedTotals {
  /** `provinceCode|agencyId|procedureId` of each pair number. */
  pairs: string[];
  measures: string[];
  keys: Float64Array;
  values: Float64Array;
}

export class DayTotals {
  private readonly pairs: string[] = [];
  private readonly pairIndex = new Map<string, number>();
  private readonly measures: string[] = [];
  private readonly measureIndex = new Map<string, number>();
  private readonly sums = new Map<number, number>();
  // The pair of the previous row: a dossier's rows share it, so the lookup is done once per dossier.
  private lastAgency = '';
  private lastProcedure = '';
  private lastPair = -1;

  private pairOf(provinceCode: string, agencyId: string, procedureId: string): number {
    if (agencyId === this.lastAgency && procedureId === this.lastProcedure) return this.lastPair;
    // The province follows the agency: like rowKey, the pair is (agency, procedure); the first province seen is kept.
    const name = `${agencyId}|${procedureId}`;
    let pair = this.pairIndex.get(name);
    if (pair === undefined) {
      pair = this.pairs.length;
      if (pair >= MAX_PAIRS) throw new Error('Too many (agency, procedure) pairs for one rebuild');
      this.pairs.push(`${provinceCode}|${name}`);
      this.pairIndex.set(name, pair);
    }
    this.lastAgency = agencyId;
    this.lastProcedure = procedureId;
    this.lastPair = pair;
    return pair;
  }

  private measureOf(measure: string): number {
    let m = this.measureIndex.get(measure);
    if (m === undefined) {
      m = this.measures.length;
      if (m >= MEASURES) throw new Error(`More than ${MEASURES} indicator measures`);
      this.measures.push(measure);
      this.measureIndex.set(measure, m);
    }
    return m;
  }

  private addKeyed(pair: number, day: number, measure: number, value: number): void {
    if (!(day >= 0 && day < DAYS && Number.isInteger(day))) throw new Error(`Indicator day out of range: ${day}`);
    const key = (pair * DAYS + day) * MEASURES + measure;
    this.sums.set(key, (this.sums.get(key) ?? 0) + value);
  }

  /** Adds one dossier's contribution (or any keyed rows). */
  add(rows: readonly KeyedRow[]): void {
    for (const r of rows) this.addKeyed(this.pairOf(r.provinceCode, r.agencyId, r.procedureId), r.day, this.measureOf(r.measure), r.value);
  }

  /** The sums as typed arrays (for a worker to post back). */
  pack(): PackedTotals {
    const keys = new Float64Array(this.sums.size);
    const values = new Float64Array(this.sums.size);
    let i = 0;
    for (const [key, value] of this.sums) {
      keys[i] = key;
      values[i] = value;
      i += 1;
    }
    return { pairs: this.pairs, measures: this.measures, keys, values };
  }

  /** Adds partial sums packed by another DayTotals (its pair and measure numbers are mapped to ours). */
  merge(packed: PackedTotals): void {
    const pairs = packed.pairs.map((name) => {
      const [provinceCode, agencyId, procedureId] = name.split('|') as [string, string, string];
      return this.pairOf(provinceCode, agencyId, procedureId);
    });
    const measures = packed.measures.map((m) => this.measureOf(m));
    for (let i = 0; i < packed.keys.length; i += 1) {
      const key = packed.keys[i]!;
      const measure = key % MEASURES;
      const rest = (key - measure) / MEASURES;
      const day = rest % DAYS;
      this.addKeyed(pairs[(rest - day) / DAYS]!, day, measures[measure]!, packed.values[i]!);
    }
  }

  /** Every non-zero sum as a KeyedRow, in no particular order. */
  *rows(): Generator<KeyedRow> {
    for (const [key, value] of this.sums) {
      if (value === 0) continue;
      const measure = key % MEASURES;
      const rest = (key - measure) / MEASURES;
      const day = rest % DAYS;
      const [provinceCode, agencyId, procedureId] = this.pairs[(rest - day) / DAYS]!.split('|') as [string, string, string];
      yield { provinceCode, agencyId, procedureId, day, measure: this.measures[measure] as KeyedRow['measure'], value };
    }
  }

  /**
   * The non-zero sums as columns (province, agency, procedure, day, measure, value), ordered by pair, day and
   * measure, for a bulk INSERT of unnest() arrays.
   */
  columns(): { provinceCodes: string[]; agencyIds: string[]; procedureIds: string[]; days: number[]; measures: string[]; values: number[] } {
    const keys = Float64Array.from(this.sums.keys()).sort();
    const out = { provinceCodes: [] as string[], agencyIds: [] as string[], procedureIds: [] as string[], days: [] as number[], measures: [] as string[], values: [] as number[] };
    const split = this.pairs.map((name) => name.split('|') as [string, string, string]);
    for (const key of keys) {
      const value = this.sums.get(key)!;
      if (value === 0) continue;
      const measure = key % MEASURES;
      const rest = (key - measure) / MEASURES;
      const day = rest % DAYS;
      const [provinceCode, agencyId, procedureId] = split[(rest - day) / DAYS]!;
      out.provinceCodes.push(provinceCode);
      out.agencyIds.push(agencyId);
      out.procedureIds.push(procedureId);
      out.days.push(day);
      out.measures.push(this.measures[measure]!);
      out.values.push(value);
    }
    return out;
  }
}
