// The citizen's API calls and their answers: registration, drafts, filing online, uploads with progress
// (XMLHttpRequest: fetch cannot report upload progress), upload limits, the dossier detail with result documents
// and rating, and rating.
import { ApiError, csrfHeader, query, request, type Agency, type DossierDetail, type DossierSummary } from '../../api.ts';

export interface UploadedFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface UploadLimits {
  maxBytes: number;
  mediaTypes: { mediaType: string; name: string }[];
}

export interface Rating {
  score: number;
  comment: string | null;
  createdAt: string;
}

export interface CitizenDossier extends DossierDetail {
  resultFiles: UploadedFile[];
  rating: Rating | null;
}

/** What the e-form keeps in a draft (and sends when filing). */
export interface EFormData {
  /** The filing's requestId, kept with the draft so that filing again after a lost answer cannot file twice. */
  requestId: string;
  receivingAgencyId: string | null;
  /** Its name, to show it again when resumed (it may come from a search rather than the procedure's first agencies). */
  receivingAgencyName?: string | undefined;
  applicant: { name: string; idNumber: string; phone: string; email: string; address: string };
  components: { name: string; quantity: string | null; files: UploadedFile[] }[];
}

export interface Draft {
  id: string;
  procedureId: string;
  procedure?: { code: string | null; name: string } | null;
  data: EFormData;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FilingBody {
  requestId: string;
  procedureId: string;
  channel: 'online';
  receivingAgencyId: string;
  applicant: { name: string; idNumber?: string; phone?: string; email?: string; address?: string };
  components: { name: string; quantity?: string; provided: boolean; fileIds: string[] }[];
}

/**
 * Uploads one file to POST /api/files, reporting progress from 0 to 1; rejects with an ApiError carrying the
 * server's message (wrong type, too large) or NETWORK.
 */
export async function uploadFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  const headers = await csrfHeader();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { error?: { code?: string; message?: string; messageEn?: string; details?: unknown } } | UploadedFile | null;
      if (xhr.status === 201) {
        onProgress(1);
        resolve(body as UploadedFile);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; messageEn?: string; details?: unknown } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, { vi: error?.message ?? '', en: error?.messageEn ?? '' }, error?.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', { vi: '', en: '' }));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const citizenApi = {
  register: (body: { username: string; password: string; displayName: string }) => request<{ id: string; username: string }>('POST', '/api/auth/register', body),
  /** Agencies by name (diacritics ignored): for procedures offered by more agencies than the procedure page lists. */
  searchAgencies: (q: string, signal?: AbortSignal) => request<{ items: Agency[] }>('GET', `/api/agencies${query({ q })}`, undefined, signal),
  uploadLimits: () => request<UploadLimits>('GET', '/api/files/limits'),
  drafts: () => request<{ items: Draft[] }>('GET', '/api/drafts'),
  draft: (id: string) => request<Draft>('GET', `/api/drafts/${encodeURIComponent(id)}`),
  createDraft: (procedureId: string, data: EFormData) => request<Draft>('POST', '/api/drafts', { procedureId, data }),
  saveDraft: (id: string, version: number, data: EFormData) => request<Draft>('PUT', `/api/drafts/${encodeURIComponent(id)}`, { data, version }),
  deleteDraft: (id: string) => request<null>('DELETE', `/api/drafts/${encodeURIComponent(id)}`),
  fileDossier: (body: FilingBody) => request<DossierSummary>('POST', '/api/dossiers', body),
  dossier: (id: string) => request<CitizenDossier>('GET', `/api/dossiers/${encodeURIComponent(id)}`),
  rate: (id: string, body: { score: number; comment?: string }) => request<Rating>('POST', `/api/dossiers/${encodeURIComponent(id)}/rating`, body),
  fileUrl: (id: string) => `/api/files/${encodeURIComponent(id)}`,
};
