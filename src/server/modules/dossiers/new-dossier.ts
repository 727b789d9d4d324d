// The parts every intake channel shares: check what is being filed where, the "awaiting acceptance" state of a
// dossier filed remotely, and the insert of the dossier with its first action and notification.
import { and, eq } from 'drizzle-orm';
import { onlineAcceptanceDue } from '../../../shared/calendar/deadlines.ts';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import { NATIONAL_STATUS } from '../../../shared/dossiers/statuses.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { agencyProcedures, dossierActions, dossiers, outbox, procedures } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findAgency, provinceOfAgency, type AgencyRow } from '../agencies/agencies.queries.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { recordIndicatorChange } from '../indicators/day-counts.ts';
import type { DossierRow } from './dossiers.queries.ts';

/** Thrown inside the filing transaction when a concurrent retry of the same request inserted first. */
export class LostCreationRace extends Error {}

export const fieldError = (path: string, rule: string, message: string, messageEn: string) => AppError.invalidInput([{ path, rule, message, messageEn }]);

/** Where each checked input came from, so that errors name the caller's own field (ours or the portal's). */
export interface FilingPaths {
  procedureId: string;
  receivingAgencyId: string;
  competentAgencyId: string;
}

export const BODY_PATHS: FilingPaths = { procedureId: 'body.procedureId', receivingAgencyId: 'body.receivingAgencyId', competentAgencyId: 'body.competentAgencyId' };

export interface FilingTarget {
  procedureId: string;
  receivingAgencyId: string;
  competentAgencyId?: string | undefined;
}

export interface ResolvedFiling {
  receiving: AgencyRow;
  procedureId: string;
  procedureVersionId: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  provinceCode: string;
}

/** Checks the agencies and the procedure (current version, handled by the competent agency); INVALID_INPUT otherwise. */
export async function resolveFiling(db: DbOrTx, target: FilingTarget, paths: FilingPaths = BODY_PATHS): Promise<ResolvedFiling> {
  const receiving = await findAgency(db, target.receivingAgencyId);
  if (!receiving) throw fieldError(paths.receivingAgencyId, 'exists', 'không có cơ quan này', 'no such agency');
  const competentAgencyId = target.competentAgencyId ?? target.receivingAgencyId;
  if (competentAgencyId !== receiving.id && !(await findAgency(db, competentAgencyId))) {
    throw fieldError(paths.competentAgencyId, 'exists', 'không có cơ quan này', 'no such agency');
  }
  const [procedure] = await db.select().from(procedures).where(eq(procedures.id, target.procedureId));
  if (!procedure?.currentVersionId) throw fieldError(paths.procedureId, 'exists', 'không có thủ tục này', 'no such procedure');
  const [offered] = await db
    .select()
    .from(agencyProcedures)
    .where(and(eq(agencyProcedures.agencyId, competentAgencyId), eq(agencyProcedures.procedureId, procedure.id)));
  if (!offered) {
    throw fieldError(paths.procedureId, 'agency_procedure', 'cơ quan này không giải quyết thủ tục này', 'this agency does not handle this procedure');
  }
  const provinceCode = (await provinceOfAgency(db, receiving.id)) ?? receiving.unitCode.slice(0, 2);
  return { receiving, procedureId: procedure.id, procedureVersionId: procedure.currentVersionId, receivingAgencyId: receiving.id, competentAgencyId, provinceCode };
}

/** A dossier filed remotely waits as "Mới đăng ký" until the desk accepts it, within 8 working hours (ND 118 Art. 17.2). */
export async function awaitingAcceptance(tx: Tx, provinceCode: string, now: number) {
  const year = yearOfDay(localDay(now));
  const calendar = await loadWorkingCalendar(tx, provinceCode, year, year + 1);
  return { status: 'submitted', nationalStatus: NATIONAL_STATUS.submitted, acceptanceDueAt: new Date(onlineAcceptanceDue(calendar, now)) };
}

export interface FirstAction {
  type: 'submit' | 'intake';
  actorId: string | null;
  actorRole: string;
  agencyId: string | null;
  at: number;
  requestId: string;
  payload: Record<string, unknown>;
}

/**
 * Inserts the dossier, its first action and its notification; throws LostCreationRace when the dossier's unique
 * creation key is already taken (the caller's transaction then rolls back, including any code taken).
 */
export async function insertNewDossier(tx: Tx, values: typeof dossiers.$inferInsert, first: FirstAction, topic: string): Promise<DossierRow> {
  const [row] = await tx.insert(dossiers).values(values).onConflictDoNothing().returning();
  if (!row) throw new LostCreationRace();
  await tx.insert(dossierActions).values({
    dossierId: row.id,
    seq: 1,
    type: first.type,
    actorId: first.actorId,
    actorRole: first.actorRole,
    agencyId: first.agencyId,
    at: new Date(first.at),
    requestId: first.requestId,
    fromStatus: null,
    toStatus: row.status,
    payload: { ...first.payload, code: row.code, dueAt: row.dueAt?.toISOString() ?? null, toStep: row.currentStep },
  });
  // A desk intake is received at once: its receipt goes into the indicator aggregates in this transaction.
  await recordIndicatorChange(tx, first.type, null, { row, log: [{ type: first.type, at: first.at, actorId: first.actorId, payload: first.payload }] });
  await tx.insert(outbox).values({
    topic,
    dossierId: row.id,
    payload: { to: row.applicant, code: row.code, status: row.status, dueAt: row.dueAt?.toISOString() ?? null },
  });
  return row;
}
