// Row → API shape for procedures: numbers normalised across engines, channels grouped by variant.
import type { ChannelOptionRow, ProcedureAgencyRow, ProcedureDetailRow } from './procedures.queries.ts';

function presentChannel(row: ChannelOptionRow) {
  return {
    channel: row.channel,
    duration:
      row.durationValue === null
        ? null
        : { value: Number(row.durationValue), unit: row.durationUnit, text: row.durationText },
    fee: { text: row.feeText, amountsVnd: row.feeAmountsVnd.map(Number), isFree: row.isFree },
    note: row.note,
  };
}

export function presentProcedure(
  row: ProcedureDetailRow,
  options: ChannelOptionRow[],
  agencies: ProcedureAgencyRow[],
) {
  const variants = new Map<
    string,
    { id: string; name: string; isDefault: boolean; channels: ReturnType<typeof presentChannel>[] }
  >();
  for (const option of options) {
    const variant = variants.get(option.variantId) ?? {
      id: option.variantId,
      name: option.variantName,
      isDefault: option.isDefault,
      channels: [],
    };
    variant.channels.push(presentChannel(option));
    variants.set(option.variantId, variant);
  }
  const variantList = [...variants.values()];
  return {
    id: row.id,
    code: row.code,
    source: row.source,
    version: row.version,
    name: row.name,
    field: row.field,
    levels: row.levels,
    managingMinistry: row.managingMinistry,
    decision: row.decision,
    procedureType: row.procedureType,
    applicantTypes: row.applicantTypes,
    competentAgency: row.competentAgencyText,
    implementingAgency: row.implementingAgencyText,
    coordinatingAgency: row.coordinatingAgencyText,
    steps: row.steps,
    components: row.components,
    dossierText: row.dossierText,
    conditions: row.conditions,
    result: row.result,
    legalBasis: row.legalBasis,
    forms: row.formsText,
    onlineLevel: row.onlineLevel,
    onlineLevelOld: row.onlineLevelOld,
    sourceUrl: row.sourceUrl,
    channels: variantList.find((v) => v.isDefault)?.channels ?? [],
    variants: variantList,
    agencies: agencies.map(({ total: _total, ...agency }) => agency),
    agencyCount: agencies[0]?.total ?? 0,
  };
}
