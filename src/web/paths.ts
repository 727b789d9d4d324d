// The app's addresses in one place. /tra-cuu?ma=<code> is printed as a QR code on receipts: keep it stable.
import type { ProcedureSearch } from './api.ts';

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const paths = {
  home: '/',
  catalogue: (search: Omit<ProcedureSearch, 'pageSize'> = {}) => withQuery('/thu-tuc', { ...search }),
  procedure: (id: string) => `/thu-tuc/${encodeURIComponent(id)}`,
  tracking: (code?: string) => withQuery('/tra-cuu', { ma: code }),
  results: '/ket-qua-giai-quyet',
  login: '/dang-nhap',
  register: '/dang-ky',
  myDossiers: '/ca-nhan',
  myDossier: (id: string) => `/ca-nhan/ho-so/${encodeURIComponent(id)}`,
  fileOnline: (procedureId: string) => `/ca-nhan/nop/${encodeURIComponent(procedureId)}`,
  workspace: '/can-bo',
  dashboard: '/can-bo/chi-so',
  admin: '/quan-tri',
} as const;
