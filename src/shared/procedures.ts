// Procedure-catalogue vocabulary shared by server and web.

export const PROCEDURE_LEVELS = ['ministry', 'province', 'district', 'commune', 'other'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

export const CHANNELS = ['in_person', 'online', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DURATION_UNITS = ['hours', 'working_hours', 'working_days', 'calendar_days', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const ONLINE_LEVELS = ['full', 'partial'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

export const LEVEL_LABELS: Record<ProcedureLevel, { vi: string; en: string }> = {
  ministry: { vi: 'Cấp bộ', en: 'Ministry' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  other: { vi: 'Cơ quan khác', en: 'Other agency' },
};

export const CHANNEL_LABELS: Record<Channel, { vi: string; en: string }> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Dịch vụ bưu chính', en: 'By post' },
};

const LEVEL_BY_LABEL: Record<string, ProcedureLevel> = {
  'cấp bộ': 'ministry',
  'cấp trung ương': 'ministry',
  'cấp tỉnh': 'province',
  'cấp huyện': 'district',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
};

/** Maps a Vietnamese level label ("Cấp tỉnh") to a level; undefined when unknown. */
export function parseProcedureLevel(label: string): ProcedureLevel | undefined {
  return LEVEL_BY_LABEL[label.normalize('NFC').trim().toLowerCase()];
}

/** Maps a Vietnamese channel label ("Trực tuyến") to a channel; undefined when unknown. */
export function parseChannel(label: string): Channel | undefined {
  const value = label.normalize('NFC').trim().toLowerCase();
  if (value.startsWith('trực tiếp')) return 'in_person';
  if (value.startsWith('trực tuyến')) return 'online';
  if (value.includes('bưu chính')) return 'post';
  return undefined;
}
