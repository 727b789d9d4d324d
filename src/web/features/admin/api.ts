// The administration's API calls and answer shapes (officers and roles, catalogue import jobs, workflows,
// working calendars and their settings, the 766 index settings).
import type { CalendarDay, CalendarSettings } from '../../../shared/calendar/settings.ts';
import type { ProvinceIndicatorSettings } from '../../../shared/indicators/settings.ts';
import type { IndicatorSettingsView } from '../../../shared/indicators/settings-view.ts';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import type { WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import { ApiError, query, request, type Agency } from '../../api.ts';

export interface AdminAgency {
  agency: Agency;
  officerCount: number;
}

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: OfficerRole[];
}

export interface RoleChange {
  officer: Officer;
  changed: boolean;
}

export interface ImportSummary {
  records: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  rejections: { line: number; reason: string }[];
}

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  total: number | null;
  done: number;
  input: { fileName?: string; records?: number };
  summary: ImportSummary | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface Workflow {
  version: number;
  isDefault: boolean;
  steps: WorkflowStep[];
}

export interface CalendarYear {
  provinceCode: string;
  year: number;
  confirmed: boolean;
  revision: number;
  confirmedBy: string | null;
  confirmedAt: string | null;
  days: CalendarDay[];
  draft: CalendarDay[];
  hasPendingChanges: boolean;
}

export interface CalendarChange {
  action: string;
  year: number | null;
  actor: string;
  reason: string | null;
  at: string;
}

const id = encodeURIComponent;

export const adminApi = {
  agencies: (q: string) => request<{ items: AdminAgency[] }>('GET', `/api/admin/agencies${query({ q })}`),
  officers: (agencyId: string, q: string) =>
    request<{ agency: Agency; canGrantProvinceAdmin: boolean; grantableRoles: OfficerRole[]; items: Officer[] }>('GET', `/api/admin/agencies/${id(agencyId)}/officers${query({ q })}`),
  createOfficer: (body: { username: string; displayName: string; password: string; agencyId: string; role: OfficerRole }) =>
    request<Officer>('POST', '/api/admin/officers', body),
  grantRole: (agencyId: string, body: { userId?: string; username?: string; role: OfficerRole }) =>
    request<RoleChange>('POST', `/api/admin/agencies/${id(agencyId)}/roles`, body),
  revokeRole: (agencyId: string, userId: string, role: OfficerRole) =>
    request<RoleChange>('DELETE', `/api/admin/agencies/${id(agencyId)}/roles/${id(userId)}/${id(role)}`),
  setDisabled: (agencyId: string, userId: string, disabled: boolean) =>
    request<RoleChange>('POST', `/api/admin/agencies/${id(agencyId)}/officers/${id(userId)}/account`, { disabled }),

  importCatalogue: (fileName: string, content: string) => request<Job>('POST', '/api/admin/imports/procedures', { fileName, content }),
  job: (jobId: string) => request<Job>('GET', `/api/admin/jobs/${id(jobId)}`),

  workflow: (procedureId: string) => request<Workflow>('GET', `/api/procedures/${id(procedureId)}/workflow`),
  saveWorkflow: (procedureId: string, body: { provinceCode: string; steps: WorkflowStep[]; expectedVersion: number; actor: string }) =>
    request<{ version: number; steps: WorkflowStep[] }>('PUT', `/api/procedures/${id(procedureId)}/workflow`, body),

  calendar: (province: string, year: number) => request<CalendarYear>('GET', `/api/calendars/${id(province)}/${year}`),
  calendarChanges: (province: string) => request<{ items: CalendarChange[] }>('GET', `/api/calendars/${id(province)}/changes`),
  confirmCalendar: (province: string, year: number, body: { actor: string; expectedRevision: number }) =>
    request<{ revision: number; days: CalendarDay[] }>('POST', `/api/calendars/${id(province)}/${year}/confirm`, body),
  calendarSettings: (province: string) => request<{ settings: CalendarSettings; version: number }>('GET', `/api/calendars/${id(province)}/settings`),
  saveCalendarSettings: (province: string, body: { settings: Partial<CalendarSettings>; version: number; actor: string; reason: string }) =>
    request<{ settings: CalendarSettings; version: number }>('PUT', `/api/calendars/${id(province)}/settings`, body),

  indicatorSettings: () => request<IndicatorSettingsView>('GET', '/api/indicator-settings'),
  saveIndicatorSettings: (body: { version: number; settings: ProvinceIndicatorSettings }) => request<IndicatorSettingsView>('PUT', '/api/indicator-settings', body),
};

export interface FieldIssue {
  path: string;
  rule: string;
  message: string;
  messageEn: string;
}

/** The field issues of an INVALID_INPUT (or CONFLICT) answer, [] otherwise. */
export function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues;
  return Array.isArray(issues) ? issues : [];
}

/** Field messages by path without the `body.` prefix, in the reader's language (first message per field). */
export function fieldErrors(error: unknown, language: 'vi' | 'en'): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const key = issue.path.replace(/^body\./, '');
    byField[key] ??= language === 'en' ? issue.messageEn : issue.message;
  }
  return byField;
}
