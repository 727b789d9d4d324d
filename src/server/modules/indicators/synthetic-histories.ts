// Realistic synthetic dossier histories (dữ liệu tổng hợp) for benches and scale tests, pure and seeded: a small PRNG
// (mulberry32, never Math.random), the real procedures and agencies passed in, receipts on working days with fewer
// filings around Tết, ~40 % online, skewed procedure popularity, supplements, withdrawals, a late share of ~5–10 % and
// electronic results (about half of the results, more for online dossiers).
// Each dossier is its row facts and its action log, cut at the report instant `until`; synthetic-load.ts writes them.
import { computeDeadline, supplementAutoCloseAt, type Duration } from '../../../shared/calendar/deadlines.ts';
import { lunarNewYear } from '../../../shared/calendar/lunar.ts';
import { DAY_MS, dayFromIso, HOUR_MS, instantAt, MINUTE_MS } from '../../../shared/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import type { Channel } from '../../../shared/indicators/timeline.ts';

/** The label every synthetic applicant carries, so no one mistakes the data for real people. */
export const SYNTHETIC_LABEL = 'Dữ liệu tổng hợp';

export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticProcedure {
  id: string;
  versionId: string;
  duration: Duration;
  /** Commune procedures go to commune committees, province ones to departments. */
  level: 'commune' | 'province';
}

export interface SyntheticAgency {
  id: string;
  code: string;
}

export interface SyntheticCatalogue {
  procedures: SyntheticProcedure[];
  agencies: Record<SyntheticProcedure['level'], SyntheticAgency[]>;
}

export interface SyntheticOptions {
  dossiers: number;
  seed: number;
  /** The year of receipt (its calendar must be loaded). */
  year: number;
  /** The report instant: actions after it are not written (dossiers still open then stay open). */
  until: number;
  /** The number of the first dossier (default 1): loads of several years into one database number on. */
  firstNumber?: number;
}

/** A synthetic action: the shared ActionRecord plus the role that did it. */
export interface SyntheticAction extends ActionRecord {
  role: string;
}

export interface SyntheticDossier {
  n: number;
  procedure: SyntheticProcedure;
  agency: SyntheticAgency;
  channel: Channel;
  receivedAt: number;
  log: SyntheticAction[];
}

/** Shares the generator aims at (the tests check the outcome against them). */
export const SHARES = {
  channel: { in_person: 0.5, post: 0.1, online: 0.35, national_portal: 0.05 } satisfies Record<Channel, number>,
  withdraw: 0.02,
  supplement: 0.08,
  /** Of the supplement requests, those never answered (closed). */
  unanswered: 0.1,
  late: 0.07,
  /** Receipts per working day around Tết, relative to an ordinary one. */
  tetSlowdown: 0.35,
  /**
   * Results issued with an electronic result (kết quả điện tử: result files attached to issue_result, indicator 4.1),
   * by channel. An ASSUMPTION for generated data, not a measured figure: no published per-channel share was found, so
   * online filers are taken to get an e-result more often (70 %) than post (45 %) and desk filers (35 %), about half
   * overall.
   */
  eResult: { in_person: 0.35, post: 0.45, online: 0.7, national_portal: 0.7 } satisfies Record<Channel, number>,
};

/**
 * The result file id of synthetic dossier n: a well-formed uuid that names no stored file (synthetic dossiers carry
 * no documents), recognisable by its zero prefix.
 */
export function syntheticResultFileId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Days around Tết Nguyên đán with fewer filings: the week before and the two weeks after. */
export function isTetSeason(year: number, day: number): boolean {
  const tet = dayFromIso(lunarNewYear(year));
  return day >= tet - 7 && day <= tet + 14;
}

/** A picker over weights by cumulative sums (binary search). */
function weighted<T>(items: readonly T[], weights: readonly number[]): (u: number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (u) => {
    const x = u * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

/** The histories, one at a time (memory stays flat at millions). Same catalogue, calendar and options ⇒ same histories. */
export function* syntheticHistories(calendar: WorkingCalendar, catalogue: SyntheticCatalogue, options: SyntheticOptions): Generator<SyntheticDossier> {
  const random = mulberry32(options.seed);
  // A stream of its own for the e-results (one draw per dossier), so they leave every other fact of a seed's histories
  // as it was before they existed (bench figures stay comparable).
  const eResultRandom = mulberry32(options.seed ^ 0x4e5e11);
  const between = (a: number, b: number) => a + random() * (b - a);
  const procedures = catalogue.procedures.filter((p) => catalogue.agencies[p.level].length > 0);
  if (procedures.length === 0) throw new Error('No procedure with an agency of its level: seed the catalogue and the agencies first');
  // Zipf-like popularity: the k-th procedure is filed about 1/(k+1) as often as the first.
  const pickProcedure = weighted(procedures, procedures.map((_, k) => 1 / (k + 1)));
  // Agencies: some busier than others (weights 1–4, fixed by the seed).
  const pickAgency = {
    commune: weighted(catalogue.agencies.commune, catalogue.agencies.commune.map(() => 1 + 3 * random())),
    province: weighted(catalogue.agencies.province, catalogue.agencies.province.map(() => 1 + 3 * random())),
  };
  const pickChannel = weighted(Object.keys(SHARES.channel) as Channel[], Object.values(SHARES.channel));
  const days: number[] = [];
  const dayWeights: number[] = [];
  for (let day = dayFromIso(`${options.year}-01-01`); day < dayFromIso(`${options.year + 1}-01-01`); day += 1) {
    if (!calendar.isWorkingDay(day)) continue;
    days.push(day);
    dayWeights.push(isTetSeason(options.year, day) ? SHARES.tetSlowdown : 1);
  }
  const pickDay = weighted(days, dayWeights);

  const first = options.firstNumber ?? 1;
  for (let n = first; n < first + options.dossiers; n += 1) {
    const procedure = pickProcedure(random());
    const agency = pickAgency[procedure.level](random());
    const channel = pickChannel(random());
    const day = pickDay(random());
    const hasEResult = eResultRandom() < SHARES.eResult[channel];
    const log: SyntheticAction[] = [];
    const add = (type: ActionRecord['type'], at: number, role: string, payload: Record<string, unknown> = {}) => {
      if (at <= options.until) log.push({ type, at: Math.round(at / MINUTE_MS) * MINUTE_MS, actorId: null, payload, role });
    };
    let receivedAt: number;
    if (channel === 'online' || channel === 'national_portal') {
      const submittedAt = instantAt(day, between(6, 22) * HOUR_MS);
      receivedAt = calendar.nextWorkingMoment(submittedAt + between(0.5, 6) * HOUR_MS);
      add('submit', submittedAt, 'citizen');
      add('receive', receivedAt, 'desk');
    } else {
      receivedAt = instantAt(day, between(7.5, 16.5) * HOUR_MS);
      add('intake', receivedAt, 'desk');
    }
    if (receivedAt > options.until) continue; // filed after the report instant: not in the data set
    let { dueAt } = computeDeadline(calendar, receivedAt, procedure.duration);
    let clockFrom = receivedAt;
    const span = () => Math.max(HOUR_MS, dueAt - clockFrom);
    add('forward', receivedAt + between(0.2, 4) * HOUR_MS, 'desk');
    const fate = random();
    if (fate < SHARES.withdraw) {
      add('withdraw', receivedAt + between(0.1, 0.6) * span(), 'desk', { reason: `${SYNTHETIC_LABEL}: rút hồ sơ` });
    } else {
      if (fate < SHARES.withdraw + SHARES.supplement) {
        const requestedAt = receivedAt + between(0.05, 0.4) * span();
        add('request_supplement', requestedAt, 'handler', { missing: [`${SYNTHETIC_LABEL}: bản sao giấy tờ`] });
        if (random() < SHARES.unanswered) {
          add('close_unsupplemented', supplementAutoCloseAt(calendar, requestedAt) + between(1, 24) * HOUR_MS, 'system');
          yield { n, procedure, agency, channel, receivedAt, log };
          continue;
        }
        const answeredAt = calendar.nextWorkingMoment(requestedAt + between(1, 8) * DAY_MS);
        add('submit_supplement', answeredAt, 'desk');
        // ND 118 Art. 19.5: the processing period starts again from the supplement.
        dueAt = computeDeadline(calendar, answeredAt, procedure.duration).dueAt;
        clockFrom = answeredAt;
      }
      const late = random() < SHARES.late;
      const issuedAt = late ? dueAt + between(2, 10 * 24) * HOUR_MS : clockFrom + between(0.3, 0.97) * span();
      add('approve', issuedAt - between(1, 3) * HOUR_MS, 'leader');
      add('issue_result', issuedAt, 'clerk', { resultNumber: `${n}/TH-${options.year}`, ...(hasEResult ? { resultFileIds: [syntheticResultFileId(n)] } : {}) });
      const method = hasEResult && (channel === 'online' || channel === 'national_portal') ? 'electronic' : 'in_person';
      add('return_result', issuedAt + between(1, 72) * HOUR_MS, 'clerk', { method });
    }
    // Actions in time order (an approval snapped before a forward would not happen).
    log.sort((a, b) => a.at - b.at);
    yield { n, procedure, agency, channel, receivedAt, log };
  }
}
