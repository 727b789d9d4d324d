// Use case: any action on a dossier. One transaction: lock the row, replay a repeated request id, check the
// version, the role and the status against the shared table, apply the action's effect, append it to the log,
// derive the new state with the shared reducer, cache it on the row, and queue the notification.
import { sql } from 'drizzle-orm';
import { ALLOWED_ACTIONS, allowedActions, isAllowed, type ActionType } from '../../../shared/dossiers/actions.ts';
import { reduceDossier, type ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { NATIONAL_STATUS, STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import type { Deps } from '../../deps.ts';
import { outbox } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { ACTION_EFFECTS, recomputeDueAt } from './action-effects.ts';
import { calendarFor, type EffectContext } from './effect-context.ts';
import { recordIndicatorChange } from '../indicators/day-counts.ts';
import { canSee, dossierNotFound, effectiveRoles } from './dossier-access.ts';
import { findDossierForUpdate, insertDossierAction, listDossierActions, updateDossier, type DossierActionRow, type DossierRow } from './dossiers.queries.ts';

const CLOCK_ACTIONS = new Set<ActionType>(['receive', 'request_supplement', 'submit_supplement', 'request_payment', 'record_payment', 'extend', 'correct_result']);

export interface ActionInput {
  type: ActionType;
  requestId: string;
  version: number;
  fields: Record<string, unknown>;
}

export const toActionRecord = (row: DossierActionRow): ActionRecord => ({
  type: row.type as ActionRecord['type'],
  at: row.at.getTime(),
  actorId: row.actorId,
  payload: row.payload as Record<string, unknown>,
});

/** Applies one action; a repeated requestId returns the dossier without applying it again. */
export async function applyDossierAction(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer | { system: true },
  dossierId: string,
  input: ActionInput,
): Promise<{ dossier: DossierRow; replayed: boolean }> {
  return deps.db.transaction(async (tx) => {
    const dossier = await findDossierForUpdate(tx, dossierId);
    const isSystem = 'system' in viewer;
    if (!dossier || (!isSystem && !canSee(viewer, dossier))) throw dossierNotFound(dossierId);
    const rows = await listDossierActions(tx, dossier.id);
    if (rows.some((row) => row.requestId === input.requestId)) return { dossier, replayed: true };
    const status = dossier.status as DossierStatus;
    const roles = isSystem ? (['system'] as const) : effectiveRoles(viewer, dossier);
    if (!isAllowed(status, input.type, roles)) {
      const someoneCould = ALLOWED_ACTIONS[status].some((rule) => rule.type === input.type);
      if (someoneCould) {
        throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này trên hồ sơ.', `Your role cannot ${input.type} this dossier.`, { roles });
      }
      throw new AppError(
        'CONFLICT',
        `Không thể thực hiện thao tác này khi hồ sơ ở trạng thái "${STATUS_LABELS[status].vi}".`,
        `${input.type} is not possible while the dossier is ${status}.`,
        { rule: 'status', status, allowedActions: allowedActions(status, roles) },
      );
    }
    // Checked after role and status, so that a caller without the right learns nothing about the version.
    if (input.version !== dossier.version) {
      throw new AppError(
        'CONFLICT',
        'Hồ sơ đã được người khác cập nhật; hãy tải lại trước khi thao tác.',
        'The dossier was changed by someone else; reload it before acting.',
        { rule: 'stale_version', currentVersion: dossier.version },
      );
    }
    const log = rows.map(toActionRecord);
    const now = deps.clock.now().getTime();
    const seq = (rows[rows.length - 1]?.seq ?? 0) + 1;
    const actorAgencyIds = isSystem ? [] : viewer.grants.filter((g) => g.role === 'handler' || g.role === 'leader').map((g) => g.agencyId);
    const ctx: EffectContext = { tx, dossier, roles, state: reduceDossier(log), log, actorId: isSystem ? null : viewer.userId, actorAgencyIds, seq, fields: input.fields, now, calendars: new Map() };
    const effect = await ACTION_EFFECTS[input.type](ctx);
    const record: ActionRecord = { type: input.type, at: now, actorId: isSystem ? null : viewer.userId, payload: effect.payload };
    const state = reduceDossier([...log, record]);
    const patched: DossierRow = { ...dossier, ...effect.patch };
    // Only actions that pause, resume, extend or start the clock can move the deadline.
    const dueAt = CLOCK_ACTIONS.has(input.type) ? await recomputeDueAt({ ...ctx, dossier: patched }, state) : dossier.dueAt;
    const actorRole = isSystem ? 'system' : (ALLOWED_ACTIONS[status].find((r) => r.type === input.type)?.roles.find((r) => (roles as readonly string[]).includes(r)) ?? roles[0]);
    await insertDossierAction(tx, {
      dossierId: dossier.id,
      seq,
      type: input.type,
      actorId: record.actorId,
      actorRole: actorRole as string,
      agencyId: null,
      at: new Date(now),
      requestId: input.requestId,
      fromStatus: status,
      toStatus: state.status,
      payload: effect.payload,
    });
    const updated = await updateDossier(tx, dossier.id, {
        ...effect.patch,
        status: state.status,
        nationalStatus: NATIONAL_STATUS[state.status],
        version: dossier.version + 1,
        assigneeId: effect.patch && 'assigneeId' in effect.patch ? effect.patch.assigneeId : dossier.assigneeId,
        dueAt,
        finishedAt: state.finishedAt === null ? null : new Date(state.finishedAt),
        returnedAt: state.returnedAt === null ? null : new Date(state.returnedAt),
        resultNumber: state.resultNumber,
        currentStep: effect.patch && 'currentStep' in effect.patch ? effect.patch.currentStep : dossier.currentStep,
        updatedAt: sql`now()`,
      });
    // The indicator aggregates, in this transaction: nothing for most actions, else one upsert (docs/INDICATORS.md).
    await recordIndicatorChange(tx, input.type, { row: dossier, log }, { row: updated as DossierRow, log: [...log, record] }, (d) =>
      calendarFor({ ...ctx, dossier: d as DossierRow }),
    );
    if (effect.notify) {
      await tx.insert(outbox).values({
        topic: effect.notify,
        dossierId: dossier.id,
        payload: { to: dossier.applicant, code: updated?.code ?? dossier.code, status: state.status, action: input.type },
      });
    }
    return { dossier: updated as DossierRow, replayed: false };
  });
}
