// What each action checks and records beyond the status table: its fields, the legal-clock rules, the columns it
// sets and the notifications it queues. Called inside the action's transaction.
import { and, eq } from 'drizzle-orm';
import { checkExtension, checkSupplementRequest, computeDossierClock, supplementAutoCloseAt } from '../../../shared/calendar/deadlines.ts';
import { HOUR_MS, parseInstant } from '../../../shared/calendar/vietnam-time.ts';
import type { ActionType } from '../../../shared/dossiers/actions.ts';
import { nextStep, type WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import type { DossierState } from '../../../shared/dossiers/reducer.ts';
import { officerRoles, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { TASK_EFFECTS, checkNoOpenInterAgencyTask } from './dossier-tasks.ts';
import { calendarFor, issue, ruleConflict, text, textList, type Effect, type EffectContext, type EffectFn } from './effect-context.ts';
import { attachResultFiles, findFilesForUpdate } from '../files/files.queries.ts';
import { makeReceipt, receiptColumns } from './receipt.ts';
import { submitSupplement } from './submit-supplement.ts';

const STEP_NAMES: Record<string, string> = { desk: 'một cửa', handler: 'chuyên viên thụ lý', leader: 'lãnh đạo', clerk: 'văn thư' };

/**
 * Moves the dossier to the next workflow step (or the chosen allowed one). Only the role of the current step may
 * hand it on; a dossier without a workflow (received before workflows existed) just records the action.
 */
function advance(ctx: EffectContext, payload: Record<string, unknown>, requireStepRole: boolean): Effect {
  const steps = ctx.dossier.workflow as WorkflowStep[] | null;
  const current = ctx.dossier.currentStep;
  if (!steps || !current) return { payload };
  const step = steps.find((s) => s.key === current);
  if (requireStepRole && step && !ctx.roles.includes(step.role)) {
    throw new AppError('CONFLICT', `Bước "${step.name}" do ${STEP_NAMES[step.role]} thực hiện.`, `Step "${step.key}" is for the ${step.role}.`, {
      rule: 'step_role',
      step: step.key,
      role: step.role,
    });
  }
  const chosen = typeof ctx.fields.toStep === 'string' ? ctx.fields.toStep : undefined;
  const next = nextStep(steps, current, chosen);
  if (next === undefined) throw AppError.invalidInput([issue('toStep', 'next_step', 'không phải bước kế tiếp hợp lệ', 'not an allowed next step')]);
  return { payload: { ...payload, fromStep: current, toStep: next?.key ?? null }, patch: { currentStep: next?.key ?? null } };
}

/** Back to the step the dossier came from (the last move into the current step). */
function stepBack(ctx: EffectContext, payload: Record<string, unknown>, log: { payload: Record<string, unknown>; actorId: string | null }[], onlyMover?: string): Effect {
  const current = ctx.dossier.currentStep;
  const arrival = [...log].reverse().find((a) => a.payload.toStep === current && typeof a.payload.fromStep === 'string');
  if (!current || !arrival) return { payload };
  if (onlyMover && arrival.actorId !== onlyMover) {
    throw new AppError('CONFLICT', 'Chỉ người đã chuyển hồ sơ mới được thu hồi.', 'Only the officer who handed the dossier on may recall it.', { rule: 'recall_not_sender' });
  }
  const back = arrival.payload.fromStep as string;
  return { payload: { ...payload, fromStep: current, toStep: back }, patch: { currentStep: back } };
}

/**
 * Optional `resultFileIds` of issue_result: the clerk's own uploads (POST /api/files), not attached anywhere, become
 * the dossier's result documents (files.purpose 'result'), which its citizen can then download.
 */
async function attachResult(ctx: EffectContext): Promise<string[]> {
  const value = ctx.fields.resultFileIds;
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 20 || !value.every((id) => typeof id === 'string' && UUID.test(id))) {
    throw AppError.invalidInput([issue('resultFileIds', 'file_ids', 'phải là danh sách tối đa 20 mã tệp (uuid)', 'must be a list of at most 20 file ids (uuid)')]);
  }
  const ids = [...new Set(value.map((id: string) => id.toLowerCase()))];
  const rows = new Map((await findFilesForUpdate(ctx.tx, ids)).map((row) => [row.id, row]));
  const issues = ids.flatMap((id, n) => {
    const row = rows.get(id);
    if (!row || row.uploadedBy !== ctx.actorId) return [issue(`resultFileIds.${n}`, 'own_upload', 'không có tệp này trong các tệp bạn đã tải lên', 'no such file among your uploads')];
    if (row.dossierId !== null) return [issue(`resultFileIds.${n}`, 'not_attached', 'tệp này đã được đính kèm vào hồ sơ', 'this file is already attached to a dossier')];
    return [];
  });
  if (issues.length > 0) throw AppError.invalidInput(issues);
  await attachResultFiles(ctx.tx, ids, ctx.dossier.id, new Date(ctx.now));
  return ids;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ACTION_EFFECTS: Record<ActionType, EffectFn> = {
  async receive(ctx) {
    const duration = ctx.fields.duration as { value: number; unit: never } | undefined;
    const receipt = await makeReceipt(ctx.tx, ctx.dossier, ctx.now, duration);
    return {
      payload: { code: receipt.code, dueAt: receipt.dueAt.toISOString(), toStep: receipt.currentStep },
      patch: receiptColumns(receipt),
      notify: 'dossier.received',
    };
  },
  async refuse_intake(ctx) {
    return { payload: { reasons: textList(ctx.fields, 'reasons') }, notify: 'dossier.refused' };
  },
  async assign(ctx) {
    const assigneeId = text(ctx.fields, 'assigneeId', true) as string;
    const [handler] = await ctx.tx
      .select({ id: users.id })
      .from(officerRoles)
      .innerJoin(users, eq(users.id, officerRoles.userId))
      .where(and(eq(officerRoles.userId, assigneeId), eq(officerRoles.agencyId, ctx.dossier.competentAgencyId), eq(officerRoles.role, 'handler')));
    if (!handler) throw AppError.invalidInput([issue('assigneeId', 'handler_of_agency', 'người được phân công phải là chuyên viên của cơ quan giải quyết', 'must be a handler of the competent agency')]);
    return { payload: { assigneeId, note: text(ctx.fields, 'note', false) }, patch: { assigneeId } };
  },
  async forward(ctx) {
    return advance(ctx, { note: text(ctx.fields, 'note', false) }, true);
  },
  async return_previous(ctx) {
    return stepBack(ctx, { note: text(ctx.fields, 'note', false) }, ctx.log);
  },
  async recall(ctx) {
    return stepBack(ctx, { note: text(ctx.fields, 'note', false) }, ctx.log, ctx.actorId ?? undefined);
  },
  ...TASK_EFFECTS,
  async request_supplement(ctx) {
    const missing = textList(ctx.fields, 'missing');
    const calendar = await calendarFor(ctx);
    const violation = checkSupplementRequest(calendar, {
      startsAt: ctx.dossier.startsAt?.getTime() ?? ctx.now,
      requestedAt: ctx.now,
      previousRequests: ctx.state.supplementRequests,
    });
    if (violation) throw ruleConflict(violation);
    return { payload: { missing, note: text(ctx.fields, 'note', false), closeAt: new Date(supplementAutoCloseAt(calendar, ctx.now)).toISOString() }, notify: 'dossier.supplement_requested' };
  },
  submit_supplement: submitSupplement,
  async close_unsupplemented(ctx) {
    const request = [...ctx.state.pauses].reverse().find((p) => p.reason === 'supplement' && p.endedAt === null);
    const calendar = await calendarFor(ctx);
    if (request && ctx.now < supplementAutoCloseAt(calendar, request.startedAt)) {
      throw new AppError('CONFLICT', 'Chưa hết thời hạn bổ sung hồ sơ.', 'The supplement period has not ended yet.', { rule: 'supplement_period_running' });
    }
    return { payload: {}, notify: 'dossier.closed' };
  },
  async request_payment(ctx) {
    const amount = ctx.fields.amountVnd;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) {
      throw AppError.invalidInput([issue('amountVnd', 'positive_integer', 'số tiền phải là số nguyên dương (đồng)', 'must be a positive whole number of VND')]);
    }
    return { payload: { amountVnd: amount, description: text(ctx.fields, 'description', true) }, notify: 'dossier.payment_requested' };
  },
  async record_payment(ctx) {
    return { payload: { receiptNumber: text(ctx.fields, 'receiptNumber', false), method: text(ctx.fields, 'method', false) } };
  },
  async withdraw(ctx) {
    return { payload: { reason: text(ctx.fields, 'reason', true) }, notify: 'dossier.withdrawn' };
  },
  async refuse(ctx) {
    return { payload: { reasons: textList(ctx.fields, 'reasons') }, notify: 'dossier.refused' };
  },
  async stop(ctx) {
    return { payload: { reasons: textList(ctx.fields, 'reasons') }, notify: 'dossier.stopped' };
  },
  async extend(ctx) {
    const reason = text(ctx.fields, 'reason', true);
    const newDueAt = parseInstant(String(ctx.fields.newDueAt ?? ''));
    if (newDueAt === undefined) throw AppError.invalidInput([issue('newDueAt', 'instant', 'phải là thời điểm ISO-8601 có múi giờ', 'must be an ISO-8601 instant with an offset')]);
    if (!ctx.dossier.dueAt) throw new AppError('CONFLICT', 'Hồ sơ đang tạm dừng tính thời hạn.', 'The clock is paused.', { rule: 'clock_paused' });
    const violation = checkExtension(await calendarFor(ctx), {
      currentDueAt: ctx.dossier.dueAt.getTime(),
      requestedAt: ctx.now,
      newDueAt,
      previousExtensions: ctx.state.extensions,
    });
    if (violation) throw ruleConflict(violation);
    return { payload: { newDueAt, reason }, notify: 'dossier.extended' };
  },
  async approve(ctx) {
    await checkNoOpenInterAgencyTask(ctx);
    return advance(ctx, { note: text(ctx.fields, 'note', false) }, false);
  },
  async issue_result(ctx) {
    const resultNumber = text(ctx.fields, 'resultNumber', true);
    const resultFileIds = await attachResult(ctx);
    return { ...advance(ctx, { resultNumber, ...(resultFileIds.length > 0 ? { resultFileIds } : {}) }, false), notify: 'dossier.result_ready' };
  },
  async return_result(ctx) {
    const method = text(ctx.fields, 'method', true);
    if (!['in_person', 'post', 'electronic'].includes(method as string)) {
      throw AppError.invalidInput([issue('method', 'enum', 'phải là in_person, post hoặc electronic', 'must be in_person, post or electronic')]);
    }
    const waybillNumber = text(ctx.fields, 'waybillNumber', method === 'post');
    const steps = ctx.dossier.workflow as WorkflowStep[] | null;
    const last = steps?.[steps.length - 1]?.key ?? null;
    const move = ctx.dossier.currentStep && last ? { fromStep: ctx.dossier.currentStep, toStep: null } : {};
    return { payload: { method, waybillNumber, ...move }, patch: { currentStep: null }, notify: 'dossier.returned' };
  },
  async correct_result(ctx) {
    const calendar = await calendarFor(ctx);
    return { payload: { reason: text(ctx.fields, 'reason', true), correctionDueAt: new Date(calendar.addWorkingTime(ctx.now, 3 * 8 * HOUR_MS)).toISOString() } };
  },
};

/** The legal deadline after the action, from the frozen receipt, the pauses and the extension. */
export async function recomputeDueAt(ctx: EffectContext, state: DossierState): Promise<Date | null> {
  const { dossier } = ctx;
  if (!dossier.receivedAt || !dossier.duration) return dossier.dueAt;
  const calendar = await calendarFor(ctx);
  const clock = computeDossierClock(calendar, {
    receivedAt: dossier.receivedAt.getTime(),
    duration: dossier.duration as never,
    pauses: state.pauses,
    extension: state.extension,
  });
  return clock.legalDueAt === null ? null : new Date(clock.legalDueAt);
}
