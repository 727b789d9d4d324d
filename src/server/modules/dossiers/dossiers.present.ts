// Row → API shape for dossiers: Vietnam-time instants, the deadline class, the viewer's allowed actions.
import { classifyFinished, classifyOpen } from '../../../shared/calendar/deadlines.ts';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import { allowedActions, type Role } from '../../../shared/dossiers/actions.ts';
import { STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import type { DossierActionRow, DossierRow, DossierTaskRow } from './dossiers.queries.ts';

const iso = (value: Date | null) => (value ? formatVietnamIso(value.getTime()) : null);

interface StoredComponent {
  name: string;
  quantity?: string;
  provided?: boolean;
  /** The component's code in the procedure (MaThanhPhanHoSo), when the national portal sent one. */
  code?: string | null;
  files?: { id: string; name: string; mediaType: string; size: number }[];
  /** Documents the national portal holds (DuongDanTaiTepTin): recorded as links, not fetched. */
  links?: { name: string; url: string; digitised?: boolean }[];
}

/** Components with their attached files (id, name, media type, size: download with GET /api/files/{id}). */
export function presentComponents(components: unknown) {
  return (Array.isArray(components) ? (components as StoredComponent[]) : []).map((c) => ({
    name: c.name,
    quantity: c.quantity ?? null,
    provided: c.provided ?? false,
    ...(c.code ? { code: c.code } : {}),
    files: (c.files ?? []).map((f) => ({ id: f.id, name: f.name, mediaType: f.mediaType, size: f.size })),
    ...(c.links ? { links: c.links } : {}),
  }));
}

/** Where the dossier stands against its deadline now: early / on time / late once finished, else within or overdue. */
export function timingOf(dossier: Pick<DossierRow, 'dueAt' | 'finishedAt' | 'receivedAt'>, now: number) {
  if (!dossier.receivedAt) return null;
  if (dossier.finishedAt) return dossier.dueAt ? classifyFinished(dossier.finishedAt.getTime(), dossier.dueAt.getTime(), 'minute') : null;
  return classifyOpen(now, dossier.dueAt?.getTime() ?? null, 'minute');
}

export function presentDossier(dossier: DossierRow, roles: Role[], now: number, procedure?: { code: string | null; name: string }) {
  const status = dossier.status as DossierStatus;
  const timing = timingOf(dossier, now);
  return {
    id: dossier.id,
    code: dossier.code,
    status,
    statusLabel: STATUS_LABELS[status],
    nationalStatus: dossier.nationalStatus,
    version: dossier.version,
    channel: dossier.channel,
    procedureId: dossier.procedureId,
    procedureVersionId: dossier.procedureVersionId,
    procedure: procedure ?? null,
    receivingAgencyId: dossier.receivingAgencyId,
    competentAgencyId: dossier.competentAgencyId,
    returningAgencyId: dossier.returningAgencyId,
    applicant: dossier.applicant,
    owner: dossier.owner,
    components: presentComponents(dossier.components),
    feeLines: dossier.feeLines,
    assigneeId: dossier.assigneeId,
    duration: dossier.duration,
    acceptanceDueAt: iso(dossier.acceptanceDueAt),
    receivedAt: iso(dossier.receivedAt),
    startsAt: iso(dossier.startsAt),
    firstDueAt: iso(dossier.firstDueAt),
    dueAt: iso(dossier.dueAt),
    finishedAt: iso(dossier.finishedAt),
    returnedAt: iso(dossier.returnedAt),
    resultNumber: dossier.resultNumber,
    currentStep: dossier.currentStep,
    workflow: dossier.workflow,
    timing,
    isOverdue: timing === 'overdue' || timing === 'late',
    allowedActions: allowedActions(status, roles),
    createdAt: iso(dossier.createdAt),
  };
}

export function presentAction(action: DossierActionRow) {
  return {
    seq: action.seq,
    type: action.type,
    actorId: action.actorId,
    actorRole: action.actorRole,
    at: formatVietnamIso(action.at.getTime()),
    fromStatus: action.fromStatus,
    toStatus: action.toStatus,
    payload: action.payload,
  };
}

/** A consultation or inter-agency task as officers see it: who was asked what, by when, and the answer. */
export function presentTask(task: DossierTaskRow, now: number) {
  const due = task.dueAt.getTime();
  const overdue = task.status === 'answered' ? (task.answeredAt as Date).getTime() > due : task.status === 'open' && now > due;
  return {
    id: task.id,
    kind: task.kind,
    mode: task.mode,
    position: task.position,
    isLead: task.isLead,
    agencyId: task.agencyId,
    request: task.request,
    requestedBy: task.requestedBy,
    requestedAt: iso(task.requestedAt),
    dueAt: iso(task.dueAt),
    status: task.status,
    openedAt: iso(task.openedAt),
    answer: task.answer,
    answeredBy: task.answeredBy,
    answeredAt: iso(task.answeredAt),
    overdue,
  };
}
