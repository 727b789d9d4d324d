// Agency vocabulary and the electronic-code rule (QĐ 20/2020/QĐ-TTg Art. 4), shared by server and web.

export const AGENCY_TYPES = [
  'province_committee',
  'department',
  'district_committee',
  'commune_committee',
  'service_centre',
  'one_stop_desk',
  'vertical_agency',
  'ministry',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, { vi: string; en: string }> = {
  province_committee: { vi: 'UBND cấp tỉnh', en: "Provincial people's committee" },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  district_committee: { vi: 'UBND cấp huyện', en: "District people's committee" },
  commune_committee: { vi: 'UBND cấp xã', en: "Commune people's committee" },
  service_centre: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public administrative service centre' },
  one_stop_desk: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  vertical_agency: { vi: 'Cơ quan ngành dọc', en: 'Vertical agency' },
  ministry: { vi: 'Bộ, ngành trung ương', en: 'Ministry' },
  other: { vi: 'Cơ quan khác', en: 'Other agency' },
};

/** Up to 35 characters of digits, upper-case A–Z and dots (QĐ 20/2020 Art. 4). The code is otherwise opaque. */
export const AGENCY_CODE_PATTERN = '^[0-9A-Z.]{1,35}$';

export function isValidAgencyCode(code: string): boolean {
  return (
    new RegExp(AGENCY_CODE_PATTERN).test(code) &&
    !code.startsWith('.') &&
    !code.endsWith('.') &&
    !code.includes('..')
  );
}

/** Prefix of demo placeholder codes: obviously not official, and still valid codes so dossier codes can be made. */
export const PLACEHOLDER_CODE_PREFIX = 'TMP.';
