// The response shapes of the motcua HTTP API as the web app reads them (mirroring the routes' TypeBox schemas);
// vocabularies come from src/shared. Re-exported by api.ts.
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
