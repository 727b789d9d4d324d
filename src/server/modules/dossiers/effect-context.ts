// What every action effect receives and returns, and the small field readers they share.
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { DossierState } from '../../../shared/dossiers/reducer.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import type { DossierRow } from './dossiers.queries.ts';

export interface EffectContext {
  tx: Tx;
  /** The roles the actor holds on this dossier. */
  roles: readonly string[];
  dossier: DossierRow;
  state: DossierState;
  log: { payload: Record<string, unknown>; actorId: string | null }[];
  actorId: string | null;
  /** Agencies where the actor is a handler or leader (to answer a consultation addressed to one of them). */
  actorAgencyIds: readonly string[];
  /** The seq the action will have in the log. */
  seq: number;
  fields: Record<string, unknown>;
  now: number;
  /** Calendars already loaded in this action, by province and year range (shared by copies of the context). */
  calendars?: Map<string, ReturnType<typeof loadWorkingCalendar>>;
}

export interface Effect {
  /** Stored with the action (the action's own record: reasons, numbers, dates). */
  payload: Record<string, unknown>;
  /** Columns of the dossier this action sets directly. */
  patch?: Partial<DossierRow>;
  notify?: string;
}

export const issue = (path: string, rule: string, message: string, messageEn: string): FieldIssue => ({ path: `body.${path}`, rule, message, messageEn });

export function text(fields: Record<string, unknown>, name: string, required: boolean): string | null {
  const value = fields[name];
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (required) throw AppError.invalidInput([issue(name, 'required', 'bắt buộc phải có', 'is required')]);
  return null;
}

export function textList(fields: Record<string, unknown>, name: string): string[] {
  const value = fields[name];
  const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  if (list.length === 0) throw AppError.invalidInput([issue(name, 'required', 'cần ít nhất một lý do / nội dung', 'needs at least one item')]);
  return list;
}

export function ruleConflict(violation: { rule: string; message: string; messageEn: string }): AppError {
  return new AppError('CONFLICT', violation.message, violation.messageEn, { rule: violation.rule });
}

export async function calendarFor(ctx: EffectContext) {
  const year = yearOfDay(localDay(ctx.dossier.receivedAt?.getTime() ?? ctx.now));
  const key = `${ctx.dossier.provinceCode}:${year}`;
  const loaded = ctx.calendars?.get(key) ?? loadWorkingCalendar(ctx.tx, ctx.dossier.provinceCode, year, year + 3);
  ctx.calendars?.set(key, loaded);
  return loaded;
}

export type EffectFn = (ctx: EffectContext) => Promise<Effect>;
