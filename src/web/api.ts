// Typed client of the motcua HTTP API (OpenAPI at /api/docs). Vocabularies come from src/shared; the response
// shapes mirror the routes' schemas. The session is the HttpOnly cookie; writes echo the session's CSRF token.
import type { FinishedClass, OpenClass } from '../shared/calendar/deadlines.ts';
import type { ActionType, OfficerRole } from '../shared/dossiers/actions.ts';
import type { DossierStatus } from '../shared/dossiers/statuses.ts';
import type { Channel, DurationUnit, OnlineLevel, ProcedureLevel } from '../shared/procedures.ts';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Site {
  provinceCode: string;
  provinceName: string | null;
  publicBaseUrl: string;
  /** The server's clock: the legal clock's "now". */
  now: string;
}

export interface ProcedureItem {
  id: string;
  code: string | null;
  name: string;
  field: string | null;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel | null;
  onlineLevelOld: number | null;
  source: string;
}

export interface ProcedureSearch {
  q?: string | undefined;
  field?: string | undefined;
  level?: ProcedureLevel | undefined;
  agency?: string | undefined;
  onlineLevel?: OnlineLevel | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface ProcedurePage {
  items: ProcedureItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ChannelOption {
  channel: Channel;
  duration: { value: number; unit: DurationUnit | null; text: string | null } | null;
  fee: { text: string | null; amountsVnd: number[]; isFree: boolean };
  note: string | null;
}

export interface ProcedureDetail {
  id: string;
  code: string | null;
  source: string;
  version: number;
  name: string;
  field: string | null;
  levels: ProcedureLevel[];
  managingMinistry: string | null;
  decision: string | null;
  procedureType: string | null;
  applicantTypes: string[];
  competentAgency: string | null;
  implementingAgency: string | null;
  coordinatingAgency: string | null;
  steps: string | null;
  components: { name: string; quantity: string | null }[];
  dossierText: string | null;
  conditions: string | null;
  result: string | null;
  legalBasis: string | null;
  forms: string | null;
  onlineLevel: OnlineLevel | null;
  onlineLevelOld: number | null;
  sourceUrl: string | null;
  channels: ChannelOption[];
  variants: { id: string; name: string; isDefault: boolean; channels: ChannelOption[] }[];
  agencies: { id: string; name: string; code: string | null; type: string; unitCode: string; role: string }[];
  agencyCount: number;
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface Agency {
  id: string;
  code: string | null;
  isCodePlaceholder: boolean;
  name: string;
  type: string;
  parentId: string | null;
  unitCode: string;
}

export interface DeadlinePreview {
  startsAt: string;
  dueAt: string;
  provisional: boolean;
  duration: { value: number; unit: string };
}

export interface TrackedDossier {
  code: string;
  procedure: { code: string | null; name: string };
  receivingAgency: string;
  status: DossierStatus;
  statusLabel: Bilingual;
  nationalStatus: number;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  timing: OpenClass | FinishedClass | null;
  isOverdue: boolean;
}

export interface Me {
  id: string;
  kind: 'officer' | 'citizen';
  username: string;
  displayName: string;
  csrfToken: string;
  roles: { agencyId: string; agencyName: string; agencyCode: string | null; unitCode: string; role: OfficerRole }[];
}

export interface DossierComponent {
  name: string;
  quantity: string | null;
  provided: boolean;
  files: { id: string; name: string; mediaType: string; size: number }[];
}

export interface DossierPerson {
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface DossierStep {
  key: string;
  name: string;
  role: OfficerRole;
}

/** A dossier as officers and citizens read it (GET /api/dossiers, GET /api/dossiers/{id}, action answers). */
export interface DossierSummary {
  id: string;
  code: string | null;
  status: DossierStatus;
  statusLabel: Bilingual;
  version: number;
  channel: Channel;
  procedure: { code: string | null; name: string } | null;
  applicant: DossierPerson;
  components: DossierComponent[];
  assigneeId: string | null;
  acceptanceDueAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  resultNumber: string | null;
  currentStep: string | null;
  workflow: DossierStep[] | null;
  timing: OpenClass | FinishedClass | null;
  isOverdue: boolean;
  allowedActions: ActionType[];
  createdAt: string | null;
}

export interface DossierTimelineEntry {
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string | null;
  at: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  payload: Record<string, unknown> | null;
}

export interface DossierTask {
  id: string;
  kind: string;
  mode: string | null;
  agencyId: string;
  request: string | null;
  requestedAt: string | null;
  dueAt: string | null;
  status: string;
  answer: string | null;
  answeredAt: string | null;
  overdue: boolean;
}

export interface DossierDetail extends DossierSummary {
  timeline: DossierTimelineEntry[];
  tasks: DossierTask[];
}

export interface DossierListSearch {
  status?: DossierStatus | undefined;
  q?: string | undefined;
  assignedToMe?: boolean | undefined;
  openTasks?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** An answer other than 2xx, or no answer at all (status 0, code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly details?: unknown,
  ) {
    super(messages.en || code);
  }
}

let csrfToken: string | undefined;
let sessionChecked: Promise<unknown> | undefined;

/** The header a write needs besides the session cookie (for uploads sent with XMLHttpRequest, to see progress). */
export async function csrfHeader(): Promise<Record<string, string>> {
  if (!csrfToken) {
    sessionChecked ??= currentUser().catch(() => null);
    await sessionChecked;
  }
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** One JSON request to the API; a non-2xx answer becomes an ApiError with the server's bilingual message. */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  // A write made with a session cookie needs its CSRF token: learn it first if the page has not yet.
  if (method !== 'GET' && !csrfToken && !path.startsWith('/api/auth/login')) {
    sessionChecked ??= currentUser().catch(() => null);
    await sessionChecked;
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', { vi: '', en: '' });
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; messageEn?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      { vi: error?.message ?? '', en: error?.messageEn ?? '' },
      error?.details,
    );
  }
  return data as T;
}

/** `?a=1&b=2` from the defined, non-empty params ('' when none). */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The signed-in user, or null when nobody is. */
async function currentUser(): Promise<Me | null> {
  try {
    const me = await request<Me>('GET', '/api/auth/me');
    csrfToken = me.csrfToken;
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      csrfToken = undefined;
      return null;
    }
    throw error;
  }
}

export const api = {
  site: () => request<Site>('GET', '/api/site'),

  searchProcedures: (search: ProcedureSearch, signal?: AbortSignal) =>
    request<ProcedurePage>('GET', `/api/procedures${query({ ...search })}`, undefined, signal),
  procedureFields: () => request<{ items: FieldCount[] }>('GET', '/api/procedures/fields'),
  procedure: (id: string) => request<ProcedureDetail>('GET', `/api/procedures/${encodeURIComponent(id)}`),
  agencies: () => request<{ items: Agency[] }>('GET', '/api/agencies'),

  previewDeadline: (body: { provinceCode: string; receivedAt: string; procedureId: string; channel: Channel }) =>
    request<DeadlinePreview>('POST', '/api/deadlines/preview', body),

  trackDossier: (code: string, phoneLast4: string) =>
    request<TrackedDossier>('GET', `/api/track/${encodeURIComponent(code)}${query({ phone: phoneLast4 })}`),

  listDossiers: (search: DossierListSearch, signal?: AbortSignal) =>
    request<{ items: DossierSummary[]; total: number }>('GET', `/api/dossiers${query({ ...search })}`, undefined, signal),
  dossier: (id: string) => request<DossierDetail>('GET', `/api/dossiers/${encodeURIComponent(id)}`),
  actOnDossier: (id: string, body: { type: ActionType; requestId: string; version: number } & Record<string, unknown>) =>
    request<DossierSummary>('POST', `/api/dossiers/${encodeURIComponent(id)}/actions`, body),
  /** Forms 01–06 of a dossier, as a PDF the browser opens (GET with the session cookie). */
  dossierFormUrl: (id: string, form: string) => `/api/dossiers/${encodeURIComponent(id)}/forms/${form}.pdf`,

  currentUser,
  async login(username: string, password: string): Promise<Me> {
    const me = await request<Me>('POST', '/api/auth/login', { username, password });
    csrfToken = me.csrfToken;
    return me;
  },
  async logout(): Promise<void> {
    await request<{ ok: boolean }>('POST', '/api/auth/logout', {});
    csrfToken = undefined;
  },
};
