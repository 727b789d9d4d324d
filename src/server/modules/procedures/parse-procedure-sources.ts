// Turns records of the two known source formats into one normalised procedure: the types, the shared helpers and
// the DVCQG parser (the Hanoi ICT 2022 parser is parse-hanoi-ict.ts). Pure; tested directly.
import { createHash } from 'node:crypto';
import {
  parseChannel,
  parseProcedureLevel,
  type Channel,
  type DurationUnit,
  type OnlineLevel,
  type ProcedureLevel,
} from '../../../shared/procedures.ts';

export type ProcedureSource = 'dvcqg' | 'hanoi_ict_2022';

export interface DossierComponent {
  name: string;
  quantity: string | null;
}

export interface ChannelOption {
  channel: Channel;
  durationValue: number | null;
  durationUnit: DurationUnit | null;
  durationText: string | null;
  feeText: string | null;
  feeAmountsVnd: number[];
  isFree: boolean;
  note: string | null;
}

export interface NormalizedProcedure {
  source: ProcedureSource;
  sourceKey: string;
  nationalCode: string | null;
  name: string;
  field: string | null;
  levels: ProcedureLevel[];
  managingMinistry: string | null;
  decision: string | null;
  procedureType: string | null;
  applicantTypes: string[];
  competentAgencyText: string | null;
  implementingAgencyText: string | null;
  coordinatingAgencyText: string | null;
  steps: string | null;
  dossierText: string | null;
  components: DossierComponent[];
  conditions: string | null;
  result: string | null;
  legalBasis: string | null;
  formsText: string | null;
  onlineLevelOld: number | null;
  onlineLevel: OnlineLevel | null;
  sourceUrl: string | null;
  variants: { name: string; channels: ChannelOption[] }[];
  contentHash: string;
  raw: unknown;
}

export type ParseResult =
  { ok: true; procedure: NormalizedProcedure; warnings: string[] } | { ok: false; reason: string };

const NO_INFORMATION = 'Không có thông tin';

/** A trimmed string, or null for missing, empty or "Không có thông tin" values. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.normalize('NFC').trim();
  return trimmed === '' || trimmed === NO_INFORMATION ? null : trimmed;
}

export function amounts(value: unknown): number[] {
  return Array.isArray(value)
    ? value.filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0)
    : [];
}

/** SHA-256 of the record with its keys sorted, so the same content always hashes the same. */
export function hashRecord(record: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(record)))
    .digest('hex');
}

export function splitList(value: unknown): string[] {
  const raw = text(value);
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseLevels(labels: string[], warnings: string[]): ProcedureLevel[] {
  const levels: ProcedureLevel[] = [];
  for (const label of labels) {
    const level = parseProcedureLevel(label);
    if (level) {
      if (!levels.includes(level)) levels.push(level);
    } else warnings.push(`unknown level "${label}"`);
  }
  return levels;
}

const QUANTITY = /(\d+\s*bản\s*(?:chính|sao)(?:\s*,\s*\d+\s*bản\s*(?:chính|sao))*)/giu;

/** Best-effort list of dossier components from the published text; the text itself stays authoritative. */
export function parseComponents(dossierText: string | null): DossierComponent[] {
  if (!dossierText) return [];
  let body = dossierText.replace(/\r/g, '');
  const header = body.indexOf('Số lượng');
  if (body.includes('Tên giấy tờ') && header >= 0) {
    // National portal table flattened to text: "<name><quantity><name><quantity>…".
    body = body.slice(header + 'Số lượng'.length);
    const parts = body.split(QUANTITY);
    const components: DossierComponent[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const name = (parts[i] ?? '').replace(/^[\s\-–*+]+/, '').trim();
      if (name) components.push({ name: name.slice(0, 1000), quantity: (parts[i + 1] ?? '').trim() || null });
    }
    return components;
  }
  // Provincial portal text: "1. Thành phần hồ sơ: - a; - b … 2. Số lượng hồ sơ: …".
  const start = body.search(/Thành phần hồ sơ/i);
  if (start >= 0) body = body.slice(body.indexOf(':', start) + 1);
  const end = body.search(/\n?\s*\d\.\s*Số lượng hồ sơ/i);
  const quantityMatch = end >= 0 ? /Số lượng hồ sơ\s*:?\s*([^\n]*)/i.exec(body.slice(end)) : null;
  if (end >= 0) body = body.slice(0, end);
  return body
    .split(/(?:^|\n|\s)[-–+]\s+/)
    .map((part) => part.replace(/[;.\s]+$/, '').trim())
    .filter((part) => part.length > 2)
    .map((name) => ({ name: name.slice(0, 1000), quantity: quantityMatch?.[1]?.trim() || null }));
}

const DURATION_UNIT_PREFIXES: [string, DurationUnit][] = [
  ['Ngày làm việc', 'working_days'],
  ['Giờ làm việc', 'working_hours'],
  ['Ngày', 'calendar_days'],
  ['Giờ', 'hours'],
  ['Tháng', 'months'],
];

/** Parses one record of the national portal's JSONL export (fields as in DVCQG's public pages). */
export function parseDvcqgRecord(record: unknown): ParseResult {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    return { ok: false, reason: 'not a JSON object' };
  const r = record as Record<string, unknown>;
  const name = text(r.name);
  if (!name) return { ok: false, reason: 'missing name' };
  const warnings: string[] = [];
  const nationalCode = text(r.code);
  const managingMinistry = text(r.managing_ministry);
  const levels = parseLevels(
    Array.isArray(r.levels) ? r.levels.filter((l): l is string => typeof l === 'string') : [],
    warnings,
  );

  const channels: ChannelOption[] = [];
  for (const [i, entry] of (Array.isArray(r.channels) ? r.channels : []).entries()) {
    if (!entry || typeof entry !== 'object') {
      warnings.push(`channel ${i + 1} is not an object`);
      continue;
    }
    const c = entry as Record<string, unknown>;
    const channel = parseChannel(String(c.channel ?? ''));
    if (!channel) {
      warnings.push(`unknown channel "${String(c.channel)}"`);
      continue;
    }
    let rest = (typeof c.fee_and_note_text === 'string' ? c.fee_and_note_text : '').normalize('NFC').trim();
    let durationUnit: DurationUnit | null = null;
    let durationText: string | null = null;
    for (const [prefix, unit] of DURATION_UNIT_PREFIXES) {
      if (rest.startsWith(prefix)) {
        durationUnit = unit;
        durationText = prefix;
        rest = rest.slice(prefix.length);
        break;
      }
    }
    if (!durationUnit && rest.startsWith(NO_INFORMATION)) rest = rest.slice(NO_INFORMATION.length);
    const value =
      typeof c.time_value === 'number' && Number.isFinite(c.time_value) && c.time_value >= 0
        ? c.time_value
        : null;
    const feeText = text(rest.replace(/^:\s*/, ''));
    channels.push({
      channel,
      durationValue: value,
      // The crawl lost the unit when the text has none; working days is the usual unit, but we do not guess.
      durationUnit: value === null ? null : durationUnit,
      durationText,
      feeText,
      feeAmountsVnd: amounts(c.fee_amounts_vnd),
      isFree: c.free === true || (feeText?.startsWith('Miễn phí') ?? false),
      note: null,
    });
  }
  if (channels.length === 0) warnings.push('no usable channel');

  const dossierText = text(r.dossier);
  return {
    ok: true,
    warnings,
    procedure: {
      source: 'dvcqg',
      sourceKey: nationalCode ?? `name:${name.toLowerCase()}|${(managingMinistry ?? '').toLowerCase()}`,
      nationalCode,
      name,
      field: text(r.field),
      levels,
      managingMinistry,
      decision: text(r.decision),
      procedureType: text(r.procedure_type),
      applicantTypes: splitList(r.applicant),
      competentAgencyText: text(r.competent_agency),
      implementingAgencyText: text(r.implementing_agency),
      coordinatingAgencyText: text(r.coordinating_agency),
      steps: text(r.steps),
      dossierText,
      components: parseComponents(dossierText),
      conditions: text(r.conditions),
      result: text(r.result),
      legalBasis: text(r.legal_basis),
      formsText: null,
      onlineLevelOld: null,
      onlineLevel: null,
      sourceUrl: text(r.detail_url),
      variants: [{ name: 'Chung', channels }],
      contentHash: hashRecord(record),
      raw: record,
    },
  };
}
