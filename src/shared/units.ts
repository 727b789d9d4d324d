// Administrative-unit vocabulary shared by server and web.

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_TYPES = [
  'province',
  'municipality',
  'urban_district',
  'rural_district',
  'district_town',
  'provincial_city',
  'municipal_city',
  'ward',
  'commune',
  'township',
  'special_zone',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const MERGE_TYPES = ['full', 'partial'] as const;
export type MergeType = (typeof MERGE_TYPES)[number];

/** Vietnamese type names (as in the statistics-office lists) → our type and level. */
const TYPE_BY_VIETNAMESE_NAME: Record<string, { type: UnitType; level: UnitLevel }> = {
  tỉnh: { type: 'province', level: 'province' },
  'thành phố trực thuộc trung ương': { type: 'municipality', level: 'province' },
  quận: { type: 'urban_district', level: 'district' },
  huyện: { type: 'rural_district', level: 'district' },
  'thị xã': { type: 'district_town', level: 'district' },
  'thành phố thuộc tỉnh': { type: 'provincial_city', level: 'district' },
  'thành phố thuộc thành phố trực thuộc trung ương': { type: 'municipal_city', level: 'district' },
  phường: { type: 'ward', level: 'commune' },
  xã: { type: 'commune', level: 'commune' },
  'thị trấn': { type: 'township', level: 'commune' },
  'đặc khu': { type: 'special_zone', level: 'commune' },
  'đặc khu tại hải đảo': { type: 'special_zone', level: 'commune' },
};

/** Classifies a unit by its full Vietnamese type name; undefined when the name is not a known unit type. */
export function classifyUnitType(
  vietnameseTypeName: string,
): { type: UnitType; level: UnitLevel } | undefined {
  return TYPE_BY_VIETNAMESE_NAME[vietnameseTypeName.normalize('NFC').trim().toLowerCase()];
}

/** A calendar date as YYYY-MM-DD (Vietnam local date). */
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export function isValidIsoDate(value: string): boolean {
  if (!new RegExp(ISO_DATE_PATTERN).test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day before an ISO date. */
export function previousIsoDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
