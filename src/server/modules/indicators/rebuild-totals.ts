// The running sums of a full rebuild, kept compact: each (agency, procedure) pair and each measure is numbered once,
// so a sum is one entry of its pair's Map<number, number> keyed by day × MEASURES + measure (a small integer), not a
// string key and an object per row. Partial sums (one per worker) travel as typed arrays and merge into the main thread's.
import { isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { copyField } from '../../db/copy.ts';
import type { DayRow } from '../../../shared/indicators/facts.ts';
import type { CountedDossier, KeyedRow } from './day-counts.ts';

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
  private readonly pairIndex = new Map<string, Map<string, number>>();
  private readonly measures: string[] = [];
  private readonly measureIndex = new Map<string, number>();
  /** Per pair, the sums by day × MEASURES + measure: small integer keys (V8 hashes them fast, unlike 53-bit ones). */
  private readonly sums: Map<number, number>[] = [];
  // The pair of the previous row: a dossier's rows share it, so the lookup is done once per dossier.
  private lastAgency = '';
  private lastProcedure = '';
  private lastPair = -1;

  private pairOf(provinceCode: string, agencyId: string, procedureId: string): number {
    if (agencyId === this.lastAgency && procedureId === this.lastProcedure) return this.lastPair;
    // The province follows the agency: like rowKey, the pair is (agency, procedure); the first province seen is kept.
    // Two levels (agency, then procedure): no key string built per dossier.
    let procedures = this.pairIndex.get(agencyId);
    if (procedures === undefined) this.pairIndex.set(agencyId, (procedures = new Map()));
    let pair = procedures.get(procedureId);
    if (pair === undefined) {
      pair = this.pairs.length;
      if (pair >= MAX_PAIRS) throw new Error('Too many (agency, procedure) pairs for one rebuild');
      this.pairs.push(`${provinceCode}|${agencyId}|${procedureId}`);
      procedures.set(procedureId, pair);
      this.sums.push(new Map());
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
    const sums = this.sums[pair]!;
    const key = day * MEASURES + measure;
    sums.set(key, (sums.get(key) ?? 0) + value);
  }

  /** The number of (agency, procedure) pairs seen. */
  get pairCount(): number {
    return this.pairs.length;
  }

  /** The number of a pair, or undefined when no dossier of it was counted. */
  pairNumber(agencyId: string, procedureId: string): number | undefined {
    return this.pairIndex.get(agencyId)?.get(procedureId);
  }

  /** `[provinceCode, agencyId, procedureId]` of a pair number. */
  pairName(pair: number): [string, string, string] {
    return this.pairs[pair]!.split('|') as [string, string, string];
  }

  /** The measure's number (for pairSum), or undefined when no row of it was counted. */
  measureNumber(measure: string): number | undefined {
    return this.measureIndex.get(measure);
  }

  /** The sum of one pair, day and measure number (0 when none). */
  pairSum(pair: number, day: number, measure: number): number {
    return this.sums[pair]!.get(day * MEASURES + measure) ?? 0;
  }

  /** How many non-zero sums a pair has. */
  nonZeroCount(pair: number): number {
    let n = 0;
    for (const value of this.sums[pair]!.values()) if (value !== 0) n += 1;
    return n;
  }

  /** Every non-zero sum of one pair as (day, measure, value). */
  *pairRows(pair: number): Generator<[number, string, number]> {
    for (const [key, value] of this.sums[pair]!) {
      if (value === 0) continue;
      const measure = key % MEASURES;
      yield [(key - measure) / MEASURES, this.measures[measure]!, value];
    }
  }

  /**
   * The sums by agency, month and measure (what indicator_month_counts must hold), keyed
   * `agencyId|YYYY-MM-01|measure`, zeros left out. Summed per pair with small integer keys first.
   */
  monthSums(): Map<string, number> {
    const monthOfDay = new Map<number, number>(); // day → month number (year × 12 + month − 1)
    const out = new Map<string, number>();
    for (let pair = 0; pair < this.sums.length; pair += 1) {
      const perPair = new Map<number, number>();
      for (const [key, value] of this.sums[pair]!) {
        const measure = key % MEASURES;
        const day = (key - measure) / MEASURES;
        let month = monthOfDay.get(day);
        if (month === undefined) {
          const iso = isoFromDay(day);
          monthOfDay.set(day, (month = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1));
        }
        const k = month * MEASURES + measure;
        perPair.set(k, (perPair.get(k) ?? 0) + value);
      }
      const agencyId = this.pairs[pair]!.split('|')[1]!;
      for (const [k, value] of perPair) {
        const measure = k % MEASURES;
        const month = (k - measure) / MEASURES;
        const name = `${agencyId}|${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01|${this.measures[measure]}`;
        out.set(name, (out.get(name) ?? 0) + value);
      }
    }
    for (const [name, value] of out) if (value === 0) out.delete(name);
    return out;
  }

  /** Adds keyed rows (each with its own agency and procedure). */
  add(rows: readonly KeyedRow[]): void {
    for (const r of rows) this.addKeyed(this.pairOf(r.provinceCode, r.agencyId, r.procedureId), r.day, this.measureOf(r.measure), r.value);
  }

  /** Adds one dossier's day rows under its agency and procedure (the rebuild's path: no keyed copy of each row). */
  addDossier(dossier: Pick<CountedDossier, 'provinceCode' | 'competentAgencyId' | 'procedureId'>, rows: readonly DayRow[]): void {
    const pair = this.pairOf(dossier.provinceCode, dossier.competentAgencyId, dossier.procedureId);
    for (const r of rows) this.addKeyed(pair, r.day, this.measureOf(r.measure), r.value);
  }

  /** Every stored sum with its global key (pair × DAYS + day) × MEASURES + measure, pairs in order, keys sorted within each. */
  private *entries(sorted: boolean, only?: ReadonlySet<number>): Generator<[number, number, number]> {
    for (let pair = 0; pair < this.sums.length; pair += 1) {
      if (only && !only.has(pair)) continue;
      const sums = this.sums[pair]!;
      const keys = sorted ? Int32Array.from(sums.keys()).sort() : sums.keys();
      for (const key of keys) yield [pair, key, sums.get(key)!];
    }
  }

  /** The sums as typed arrays (for a worker to post back). */
  pack(): PackedTotals {
    const size = this.sums.reduce((n, m) => n + m.size, 0);
    const keys = new Float64Array(size);
    const values = new Float64Array(size);
    let i = 0;
    for (const [pair, key, value] of this.entries(false)) {
      keys[i] = pair * DAYS * MEASURES + key;
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
    const split = this.pairs.map((name) => name.split('|') as [string, string, string]);
    for (const [pair, key, value] of this.entries(false)) {
      if (value === 0) continue;
      const measure = key % MEASURES;
      const [provinceCode, agencyId, procedureId] = split[pair]!;
      yield { provinceCode, agencyId, procedureId, day: (key - measure) / MEASURES, measure: this.measures[measure] as KeyedRow['measure'], value };
    }
  }

  /**
   * The non-zero sums as COPY text lines (province, agency, procedure, day, measure, value; db/copy.ts), ordered by
   * pair, day and measure, `linesPerPiece` lines to a string; only the pairs of `only` when given.
   */
  *copyText(only?: ReadonlySet<number>, linesPerPiece = 10_000): Generator<string> {
    const prefixes = this.pairs.map((name) => `${name.split('|').map(copyField).join('\t')}\t`);
    const suffixes = this.measures.map((m) => `\t${copyField(m)}\t`);
    const isoOf = new Map<number, string>();
    let piece = '';
    let lines = 0;
    for (const [pair, key, value] of this.entries(true, only)) {
      if (value === 0) continue;
      const measure = key % MEASURES;
      const day = (key - measure) / MEASURES;
      let iso = isoOf.get(day);
      if (iso === undefined) isoOf.set(day, (iso = isoFromDay(day)));
      piece += `${prefixes[pair]}${iso}${suffixes[measure]}${value}\n`;
      if ((lines += 1) === linesPerPiece) {
        yield piece;
        piece = '';
        lines = 0;
      }
    }
    if (piece !== '') yield piece;
  }

  /** The number of non-zero sums of the pairs of `only` (all when absent). */
  nonZeroRows(only?: ReadonlySet<number>): number {
    let n = 0;
    for (let pair = 0; pair < this.sums.length; pair += 1) if (!only || only.has(pair)) n += this.nonZeroCount(pair);
    return n;
  }
}
