// The workspace's own API calls and answer types: assignees, inbox counts and deadline filters, Form 05's hand-offs,
// the bulk return of results by post, and the desk's intake (scan upload and filing a walk-in or postal dossier).
import type { BulkItem, BulkOutcome as SharedBulkOutcome } from '../../../shared/dossiers/bulk.ts';
import { ApiError, csrfHeader, query, request, type DossierListSearch, type DossierPerson, type DossierSummary } from '../../api.ts';

export interface Assignee {
  id: string;
  displayName: string;
  username: string;
}

export type InboxCounts = Record<'submitted' | 'mine' | 'consultations' | 'supplement' | 'dueToday' | 'overdue' | 'resultReady' | 'all', number>;

export interface InboxSearch extends DossierListSearch {
  due?: 'today' | 'overdue' | undefined;
}

/** A list row: the officer's list adds the acceptance countdown (working minutes, negative once past). */
export interface InboxDossier extends DossierSummary {
  acceptanceWorkingMinutesLeft?: number | null;
}

export type StepResult = 'early' | 'on_time' | 'late' | 'in_progress' | 'overdue';

export interface StepProgress {
  key: string;
  name: string;
  role: string;
  budget: { value: number; unit: 'working_hours' | 'working_days' };
  actorName: string | null;
  startedAt: string;
  endedAt: string | null;
  dueAt: string;
  spentMinutes: number;
  result: StepResult;
}

export type { BulkItem };
export type BulkOutcome = SharedBulkOutcome<DossierSummary>;

export interface UploadedFile {
  id: string;
  name: string;
}

export interface IntakeBody {
  requestId: string;
  procedureId: string;
  channel: 'in_person' | 'post';
  receivingAgencyId: string;
  applicant: DossierPerson;
  components: { name: string; quantity?: string; provided: boolean; fileIds?: string[] }[];
  postal?: { waybillNumber: string };
  duration?: { value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' | 'months' };
}

/** Uploads one scan to POST /api/files (the desk's own upload, attached when the dossier is filed). */
async function uploadScan(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/files', {
      method: 'POST',
      body: form,
      headers: await csrfHeader(),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', { vi: '', en: '' });
  }
  const body = (await response.json().catch(() => null)) as (UploadedFile & { error?: { code?: string; message?: string; messageEn?: string; details?: unknown } }) | null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.code ?? `HTTP_${response.status}`, { vi: body?.error?.message ?? '', en: body?.error?.messageEn ?? '' }, body?.error?.details);
  }
  return body as UploadedFile;
}

export const workspaceApi = {
  listDossiers: (search: InboxSearch, signal?: AbortSignal) => request<{ items: InboxDossier[]; total: number }>('GET', `/api/dossiers${query({ ...search })}`, undefined, signal),
  inboxCounts: () => request<InboxCounts>('GET', '/api/dossiers/inbox-counts'),
  assignees: (id: string) => request<{ items: Assignee[]; assigneeId: string | null }>('GET', `/api/dossiers/${encodeURIComponent(id)}/assignees`),
  steps: (id: string) => request<{ items: StepProgress[] }>('GET', `/api/dossiers/${encodeURIComponent(id)}/steps`),
  bulkAction: (type: 'return_result', items: BulkItem[]) => request<{ items: BulkOutcome[] }>('POST', '/api/dossiers/bulk-actions', { type, items }),
  uploadScan,
  fileIntake: (body: IntakeBody) => request<DossierSummary>('POST', '/api/dossiers', body),
};
