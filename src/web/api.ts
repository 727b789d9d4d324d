// Typed client of the motcua HTTP API (OpenAPI at /api/docs). Vocabularies come from src/shared; the response
// shapes mirror the routes' schemas. The session is the HttpOnly cookie; writes echo the session's CSRF token.
export type * from './api-types.ts';
import type { ActionType } from '../shared/dossiers/actions.ts';
import type { Channel } from '../shared/procedures.ts';
import type { Agency, Bilingual, DeadlinePreview, DossierDetail, DossierListSearch, DossierSummary, FieldCount, Me, ProcedureDetail, ProcedurePage, ProcedureSearch, Site, TrackedDossier } from './api-types.ts';

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
