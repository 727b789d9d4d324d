// Addresses of the administration's pages (under /quan-tri).
const root = '/quan-tri';

export const adminPaths = {
  home: root,
  agencies: `${root}/co-quan`,
  agency: (id: string) => `${root}/co-quan/${encodeURIComponent(id)}`,
  catalogue: `${root}/danh-muc`,
  workflow: (procedureId?: string) => (procedureId ? `${root}/quy-trinh?thu-tuc=${encodeURIComponent(procedureId)}` : `${root}/quy-trinh`),
  calendar: `${root}/lich`,
  settings: `${root}/cai-dat`,
  indicatorSettings: `${root}/chi-so-766`,
} as const;
