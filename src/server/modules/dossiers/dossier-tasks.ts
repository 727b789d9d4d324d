// Consultations (xin ý kiến, ND 118 Art. 19.4), inter-agency processing (liên thông, Art. 20) and transfer to another
// level: the effects of the actions that ask other agencies for something, recorded as dossier_tasks rows in the
// action's transaction, with who asked whom, what, the deadline and the answer.
import { and, eq, sql } from 'drizzle-orm';
import { HOUR_MS, parseInstant } from '../../../shared/calendar/vietnam-time.ts';
import { agencies, agencyProcedures, dossierTasks } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { calendarFor, issue, text, type Effect, type EffectContext, type EffectFn } from './effect-context.ts';
import { listDossierTasks } from './dossiers.queries.ts';

interface TaskInput {
  agencyId: string;
  request: string;
  dueAt: number;
}

async function checkAgency(ctx: EffectContext, agencyId: unknown, path: string): Promise<string> {
  if (typeof agencyId !== 'string' || !/^[0-9a-f-]{36}$/i.test(agencyId)) {
    throw AppError.invalidInput([issue(path, 'uuid', 'phải là mã cơ quan (uuid)', 'must be an agency id (uuid)')]);
  }
  const [agency] = await ctx.tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw AppError.invalidInput([issue(path, 'exists', 'không có cơ quan này', 'no such agency')]);
  if (agencyId === ctx.dossier.competentAgencyId) {
    throw AppError.invalidInput([issue(path, 'other_agency', 'phải là cơ quan khác cơ quan giải quyết', 'must be another agency than the competent one')]);
  }
  return agencyId;
}

/** A deadline: `dueAt` (ISO instant, in the future) or `dueInWorkingDays` counted on the working calendar from `from`. */
async function deadline(ctx: EffectContext, fields: Record<string, unknown>, path: string, from: number): Promise<number> {
  if (typeof fields.dueInWorkingDays === 'number') {
    const days = fields.dueInWorkingDays;
    if (!Number.isInteger(days) || days < 1 || days > 60) {
      throw AppError.invalidInput([issue(`${path}dueInWorkingDays`, 'range', 'phải là số ngày làm việc từ 1 đến 60', 'must be 1 to 60 working days')]);
    }
    return (await calendarFor(ctx)).addWorkingTime(from, days * 8 * HOUR_MS);
  }
  const at = parseInstant(String(fields.dueAt ?? ''));
  if (at === undefined) {
    throw AppError.invalidInput([issue(`${path}dueAt`, 'required', 'cần thời hạn: dueAt (ISO-8601) hoặc dueInWorkingDays', 'a deadline is required: dueAt (ISO-8601) or dueInWorkingDays')]);
  }
  if (at <= ctx.now) throw AppError.invalidInput([issue(`${path}dueAt`, 'future', 'thời hạn phải ở tương lai', 'the deadline must be in the future')]);
  return at;
}

async function insertTasks(ctx: EffectContext, kind: 'consultation' | 'inter_agency', mode: 'parallel' | 'sequential', tasks: TaskInput[], leadAgencyId: string | null) {
  const rows = await ctx.tx
    .insert(dossierTasks)
    .values(
      tasks.map((task, position) => {
        const open = mode === 'parallel' || position === 0;
        return {
          dossierId: ctx.dossier.id,
          kind,
          mode,
          position,
          isLead: task.agencyId === leadAgencyId,
          agencyId: task.agencyId,
          request: task.request,
          requestedBy: ctx.actorId,
          requestedSeq: ctx.seq,
          requestedAt: new Date(ctx.now),
          dueAt: new Date(task.dueAt),
          status: open ? 'open' : 'waiting',
          openedAt: open ? new Date(ctx.now) : null,
        };
      }),
    )
    .returning({ id: dossierTasks.id });
  const taskAgencyIds = [...new Set([...ctx.dossier.taskAgencyIds, ...tasks.map((t) => t.agencyId)])];
  return { ids: rows.map((r) => r.id), patch: { taskAgencyIds } };
}

function list(ctx: EffectContext, name: string): unknown[] {
  const value = ctx.fields[name];
  if (!Array.isArray(value) || value.length === 0) throw AppError.invalidInput([issue(name, 'required', 'cần ít nhất một cơ quan', 'needs at least one agency')]);
  if (value.length > 20) throw AppError.invalidInput([issue(name, 'max_items', 'tối đa 20 cơ quan', 'at most 20 agencies')]);
  return value;
}

export const TASK_EFFECTS = {
  /** Asks one or more agencies for an opinion, in parallel, each with the same question and deadline. */
  async consult(ctx: EffectContext): Promise<Effect> {
    const question = text(ctx.fields, 'question', true) as string;
    const ids = ctx.fields.agencyIds === undefined && ctx.fields.agencyId !== undefined ? [ctx.fields.agencyId] : list(ctx, 'agencyIds');
    const agencyIds = await Promise.all(ids.map((id, i) => checkAgency(ctx, id, ctx.fields.agencyIds === undefined ? 'agencyId' : `agencyIds.${i}`)));
    if (new Set(agencyIds).size !== agencyIds.length) throw AppError.invalidInput([issue('agencyIds', 'unique', 'mỗi cơ quan chỉ một lần', 'each agency once')]);
    const dueAt = await deadline(ctx, ctx.fields, '', ctx.now);
    const created = await insertTasks(ctx, 'consultation', 'parallel', agencyIds.map((agencyId) => ({ agencyId, request: question, dueAt })), null);
    return { payload: { taskIds: created.ids, agencyIds, question, dueAt: new Date(dueAt).toISOString() }, patch: created.patch, notify: 'dossier.consultation_requested' };
  },

  /**
   * Liên thông: `sequential` (paper dossier: a chain, each link opens when the one before is answered; each link's
   * working days count on from the previous link's deadline) or `parallel` (electronic: all at once, one lead).
   */
  async request_inter_agency(ctx: EffectContext): Promise<Effect> {
    const mode = ctx.fields.mode;
    if (mode !== 'sequential' && mode !== 'parallel') throw AppError.invalidInput([issue('mode', 'enum', 'phải là sequential hoặc parallel', 'must be sequential or parallel')]);
    const items = list(ctx, 'tasks');
    const tasks: TaskInput[] = [];
    let from = ctx.now;
    for (const [i, item] of items.entries()) {
      const fields = (item ?? {}) as Record<string, unknown>;
      const agencyId = await checkAgency(ctx, fields.agencyId, `tasks.${i}.agencyId`);
      if (tasks.some((t) => t.agencyId === agencyId)) throw AppError.invalidInput([issue(`tasks.${i}.agencyId`, 'unique', 'mỗi cơ quan chỉ một lần', 'each agency once')]);
      const request = typeof fields.task === 'string' && fields.task.trim() ? fields.task.trim() : null;
      if (!request) throw AppError.invalidInput([issue(`tasks.${i}.task`, 'required', 'cần nội dung công việc', 'the task is required')]);
      const dueAt = await deadline(ctx, fields, `tasks.${i}.`, from);
      if (mode === 'sequential' && dueAt <= from) throw AppError.invalidInput([issue(`tasks.${i}.dueAt`, 'after_previous', 'phải sau thời hạn của cơ quan trước', 'must be after the previous agency’s deadline')]);
      if (mode === 'sequential') from = dueAt;
      tasks.push({ agencyId, request, dueAt });
    }
    const lead = ctx.fields.leadAgencyId;
    if (lead !== undefined && !tasks.some((t) => t.agencyId === lead)) {
      throw AppError.invalidInput([issue('leadAgencyId', 'one_of_tasks', 'cơ quan chủ trì phải là một trong các cơ quan liên thông', 'the lead must be one of the agencies')]);
    }
    const created = await insertTasks(ctx, 'inter_agency', mode, tasks, mode === 'parallel' ? ((lead as string | undefined) ?? tasks[0]!.agencyId) : null);
    return { payload: { taskIds: created.ids, mode, agencyIds: tasks.map((t) => t.agencyId) }, patch: created.patch, notify: 'dossier.inter_agency_requested' };
  },

  /** The asked agency answers (or the competent handler records an answer received on paper). */
  async answer_consultation(ctx: EffectContext): Promise<Effect> {
    const taskId = text(ctx.fields, 'taskId', true) as string;
    const answer = text(ctx.fields, 'answer', true) as string;
    const tasks = await listDossierTasks(ctx.tx, ctx.dossier.id);
    const task = tasks.find((t) => t.id === taskId);
    if (!task) throw AppError.invalidInput([issue('taskId', 'exists', 'không có yêu cầu này trên hồ sơ', 'no such task on this dossier')]);
    if (task.status !== 'open') {
      throw new AppError('CONFLICT', task.status === 'answered' ? 'Yêu cầu này đã được trả lời.' : 'Chưa đến lượt cơ quan này (liên thông tuần tự).', `The task is ${task.status}.`, { rule: 'task_not_open', status: task.status });
    }
    const ownAgency = ctx.actorAgencyIds.includes(task.agencyId) && ctx.roles.includes('consulted');
    if (!ownAgency && !ctx.roles.includes('handler')) {
      throw new AppError('FORBIDDEN', 'Yêu cầu này gửi cho cơ quan khác.', 'This task is addressed to another agency.');
    }
    await ctx.tx
      .update(dossierTasks)
      .set({ status: 'answered', answer, answeredBy: ctx.actorId, answeredSeq: ctx.seq, answeredAt: new Date(ctx.now) })
      .where(eq(dossierTasks.id, task.id));
    const next = task.mode === 'sequential' ? tasks.find((t) => t.requestedSeq === task.requestedSeq && t.status === 'waiting' && t.position > task.position) : undefined;
    if (next) await ctx.tx.update(dossierTasks).set({ status: 'open', openedAt: new Date(ctx.now) }).where(eq(dossierTasks.id, next.id));
    return { payload: { taskId, answer, onBehalf: !ownAgency, late: ctx.now > task.dueAt.getTime(), openedTaskId: next?.id ?? null } };
  },

  /** Chuyển cấp: the dossier goes to the competent agency of another level; the receiving desk still returns it. */
  async transfer_level(ctx: EffectContext): Promise<Effect> {
    const agencyId = await checkAgency(ctx, ctx.fields.agencyId, 'agencyId');
    const reason = text(ctx.fields, 'reason', true);
    const [offered] = await ctx.tx
      .select({ agencyId: agencyProcedures.agencyId })
      .from(agencyProcedures)
      .where(and(eq(agencyProcedures.agencyId, agencyId), eq(agencyProcedures.procedureId, ctx.dossier.procedureId)));
    if (!offered) throw AppError.invalidInput([issue('agencyId', 'agency_procedure', 'cơ quan này không giải quyết thủ tục này', 'this agency does not handle this procedure')]);
    return {
      payload: { fromAgencyId: ctx.dossier.competentAgencyId, toAgencyId: agencyId, reason },
      patch: { competentAgencyId: agencyId, assigneeId: null },
      notify: 'dossier.transferred',
    };
  },
} satisfies Record<string, EffectFn>;

/** Approval waits for every part of inter-agency processing (consultations may be overdue: the leader decides). */
export async function checkNoOpenInterAgencyTask(ctx: EffectContext): Promise<void> {
  const [open] = await ctx.tx
    .select({ id: dossierTasks.id })
    .from(dossierTasks)
    .where(and(eq(dossierTasks.dossierId, ctx.dossier.id), eq(dossierTasks.kind, 'inter_agency'), sql`${dossierTasks.status} <> 'answered'`))
    .limit(1);
  if (open) {
    throw new AppError('CONFLICT', 'Còn cơ quan liên thông chưa trả kết quả.', 'Inter-agency processing is not finished.', { rule: 'open_inter_agency_tasks' });
  }
}
