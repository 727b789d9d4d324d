// Parses one record of the Hanoi Department of ICT 2022 catalogue into the normalised procedure of
// parse-procedure-sources.ts (the DVCQG parser and the shared helpers live there). Pure; tested with it.
import type { Channel, DurationUnit } from '../../../shared/procedures.ts';
import { amounts, hashRecord, parseComponents, parseLevels, splitList, text, type ChannelOption, type ParseResult } from './parse-procedure-sources.ts';

const HANOI_UNITS: Record<string, DurationUnit> = {
  working_days: 'working_days',
  days: 'calendar_days',
  hours: 'hours',
  months: 'months',
};

/** Parses one record of the Hanoi Department of ICT 2022 catalogue (JSON array of objects). */
export function parseHanoiIctRecord(record: unknown): ParseResult {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    return { ok: false, reason: 'not a JSON object' };
  const r = record as Record<string, unknown>;
  const name = text(r.name);
  const id = text(r.id);
  if (!name) return { ok: false, reason: 'missing name' };
  if (!id) return { ok: false, reason: 'missing id' };
  const warnings: string[] = [];
  const channelText = (text(r.channels) ?? '').toLowerCase();
  const channelsOffered: Channel[] = [];
  if (/trực tiếp/.test(channelText)) channelsOffered.push('in_person');
  if (/trực tuyến|dịch vụ công/.test(channelText)) channelsOffered.push('online');
  if (/bưu chính|bưu điện/.test(channelText)) channelsOffered.push('post');
  if (channelsOffered.length === 0) {
    warnings.push('no channel found in the channel text; assumed in person');
    channelsOffered.push('in_person');
  }
  const unit = typeof r.deadline_unit === 'string' ? (HANOI_UNITS[r.deadline_unit] ?? null) : null;
  const value = typeof r.deadline_value === 'number' && r.deadline_value >= 0 ? r.deadline_value : null;
  if (r.deadline_unit && !unit) warnings.push(`unknown deadline unit "${String(r.deadline_unit)}"`);
  const onlineLevelOld =
    typeof r.online_service_level === 'number' && r.online_service_level >= 1 && r.online_service_level <= 4
      ? r.online_service_level
      : null;
  const dossierText = text(r.dossier);
  const feeText = text(r.fee_text);
  const channels = channelsOffered.map((channel): ChannelOption => ({
    channel,
    durationValue: value,
    durationUnit: value === null ? null : unit,
    durationText: text(r.deadline_text),
    feeText,
    feeAmountsVnd: amounts(r.fee_amounts_vnd),
    isFree: r.fee_free === true,
    note: null,
  }));
  return {
    ok: true,
    warnings,
    procedure: {
      source: 'hanoi_ict_2022',
      sourceKey: id,
      nationalCode: text(r.tthc_code),
      name,
      field: text(r.field),
      levels: parseLevels(typeof r.level === 'string' ? [r.level] : [], warnings),
      managingMinistry: null,
      decision: null,
      procedureType: null,
      applicantTypes: splitList(r.applicant),
      competentAgencyText: text(r.implementing_agency),
      implementingAgencyText: text(r.implementing_agency),
      coordinatingAgencyText: null,
      steps: text(r.steps),
      dossierText,
      components: parseComponents(dossierText),
      conditions: text(r.conditions),
      result: text(r.result),
      legalBasis: text(r.legal_basis),
      formsText: text(r.forms),
      onlineLevelOld,
      onlineLevel: null,
      sourceUrl: text(r.source_url),
      variants: [{ name: 'Chung', channels }],
      contentHash: hashRecord(record),
      raw: record,
    },
  };
}
