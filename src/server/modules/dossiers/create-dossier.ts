// Use case: a dossier is filed — online by a citizen (status "Mới đăng ký" until the desk accepts it within 8
// working hours) or at the desk for a walk-in or postal dossier (received at once: code and appointment).
import { and, eq } from 'drizzle-orm';
import { onlineAcceptanceDue, type Duration } from '../../../shared/calendar/deadlines.ts';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import { NATIONAL_STATUS } from '../../../shared/dossiers/statuses.ts';
import type { Deps } from '../../deps.ts';
import { agencyProcedures, dossierActions, dossiers, outbox, procedures } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { findAgency, provinceOfAgency } from '../agencies/agencies.queries.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { findDossierByCreationRequest, type DossierRow } from './dossiers.queries.ts';
import { makeReceipt } from './receipt.ts';

export interface Person {
  name: string;
  idNumber?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

export interface CreateDossierInput {
  requestId: string;
  procedureId: string;
  channel: 'in_person' | 'online' | 'post';
  receivingAgencyId: string;
  competentAgencyId?: string | undefined;
  applicant: Person;
  owner?: Person | undefined;
  submitter?: Person | undefined;
  components?: { name: string; quantity?: string | undefined; provided: boolean }[] | undefined;
  feeLines?: { name: string; amountVnd: number }[] | undefined;
  /** Desk intake: the legal duration when the catalogue has none with a unit. */
  duration?: Duration | undefined;
  /** Postal intake: the postal handover (waybill number and time). */
  postal?: { waybillNumber: string } | undefined;
}

class LostCreationRace extends Error {}

const field = (path: string, rule: string, message: string, messageEn: string) => AppError.invalidInput([{ path, rule, message, messageEn }]);

/** Files a dossier; the same requestId from the same user returns the dossier created the first time. */
export async function createDossier(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, input: CreateDossierInput): Promise<{ dossier: DossierRow; replayed: boolean }> {
  const previous = await findDossierByCreationRequest(deps.db, viewer.userId, input.requestId);
  if (previous) return { dossier: previous, replayed: true };

  const isCitizen = viewer.kind === 'citizen';
  if (isCitizen && input.channel !== 'online') throw field('body.channel', 'citizen_online', 'công dân chỉ nộp trực tuyến', 'citizens file online');
  if (!isCitizen && input.channel === 'online') throw field('body.channel', 'desk_channel', 'một cửa tiếp nhận trực tiếp hoặc qua bưu chính', 'the desk takes in-person or postal dossiers');
  if (!isCitizen && !viewer.grants.some((g) => g.role === 'desk' && g.agencyId === input.receivingAgencyId)) {
    throw new AppError('FORBIDDEN', 'Bạn không làm việc tại bộ phận một cửa của cơ quan này.', 'You are not a desk officer of this agency.');
  }
  if (input.channel === 'post' && !input.postal?.waybillNumber) {
    throw field('body.postal.waybillNumber', 'required', 'cần số vận đơn bưu chính', 'the postal waybill number is required');
  }
  const receiving = await findAgency(deps.db, input.receivingAgencyId);
  if (!receiving) throw field('body.receivingAgencyId', 'exists', 'không có cơ quan này', 'no such agency');
  const competentAgencyId = input.competentAgencyId ?? input.receivingAgencyId;
  if (!(await findAgency(deps.db, competentAgencyId))) throw field('body.competentAgencyId', 'exists', 'không có cơ quan này', 'no such agency');
  const [procedure] = await deps.db.select().from(procedures).where(eq(procedures.id, input.procedureId));
  if (!procedure?.currentVersionId) throw field('body.procedureId', 'exists', 'không có thủ tục này', 'no such procedure');
  const [offered] = await deps.db
    .select()
    .from(agencyProcedures)
    .where(and(eq(agencyProcedures.agencyId, competentAgencyId), eq(agencyProcedures.procedureId, procedure.id)));
  if (!offered) {
    throw field('body.procedureId', 'agency_procedure', 'cơ quan này không giải quyết thủ tục này', 'this agency does not handle this procedure');
  }
  if (!input.applicant.name.trim()) throw field('body.applicant.name', 'required', 'cần họ tên người nộp', 'the applicant name is required');
  const provinceCode = (await provinceOfAgency(deps.db, input.receivingAgencyId)) ?? receiving.unitCode.slice(0, 2);
  const now = deps.clock.now().getTime();

  const dossier = await deps.db.transaction(async (tx): Promise<DossierRow | undefined> => {
    const base = {
      provinceCode,
      procedureId: procedure.id,
      procedureVersionId: procedure.currentVersionId as string,
      channel: input.channel,
      receivingAgencyId: input.receivingAgencyId,
      competentAgencyId,
      returningAgencyId: input.receivingAgencyId,
      citizenUserId: isCitizen ? viewer.userId : null,
      createdBy: viewer.userId,
      creationRequestId: input.requestId,
      applicant: input.applicant,
      owner: input.owner ?? null,
      submitter: input.submitter ?? null,
      components: input.components ?? [],
      feeLines: input.feeLines ?? [],
    };
    let values;
    if (isCitizen) {
      const year = yearOfDay(localDay(now));
      const calendar = await loadWorkingCalendar(tx, provinceCode, year, year + 1);
      values = { ...base, status: 'submitted', nationalStatus: NATIONAL_STATUS.submitted, acceptanceDueAt: new Date(onlineAcceptanceDue(calendar, now)) };
    } else {
      const receipt = await makeReceipt(tx, base, now, input.duration);
      values = {
        ...base,
        status: 'received',
        nationalStatus: NATIONAL_STATUS.received,
        code: receipt.code,
        duration: receipt.duration,
        receivedAt: receipt.receivedAt,
        startsAt: receipt.startsAt,
        firstDueAt: receipt.dueAt,
        dueAt: receipt.dueAt,
        workflow: receipt.workflow,
        currentStep: receipt.currentStep,
      };
    }
    const [row] = await tx.insert(dossiers).values(values).onConflictDoNothing().returning();
    // A concurrent retry of the same request won the race: roll back (including any code taken) and return its dossier.
    if (!row) throw new LostCreationRace();
    await tx.insert(dossierActions).values({
      dossierId: row.id,
      seq: 1,
      type: isCitizen ? 'submit' : 'intake',
      actorId: viewer.userId,
      actorRole: isCitizen ? 'citizen' : 'desk',
      agencyId: isCitizen ? null : input.receivingAgencyId,
      at: new Date(now),
      requestId: input.requestId,
      fromStatus: null,
      toStatus: row.status,
      payload: { channel: input.channel, postal: input.postal ?? null, code: row.code, dueAt: row.dueAt?.toISOString() ?? null, toStep: row.currentStep },
    });
    await tx.insert(outbox).values({
      topic: isCitizen ? 'dossier.submitted' : 'dossier.received',
      dossierId: row.id,
      payload: { to: input.applicant, code: row.code, status: row.status, dueAt: row.dueAt?.toISOString() ?? null },
    });
    return row;
  }).catch((error: unknown) => {
    if (error instanceof LostCreationRace) return undefined;
    throw error;
  });
  if (!dossier) {
    // A concurrent retry of the same request won the race: return its dossier.
    const winner = await findDossierByCreationRequest(deps.db, viewer.userId, input.requestId);
    if (winner) return { dossier: winner, replayed: true };
    throw new AppError('CONFLICT', 'Không tạo được hồ sơ, vui lòng thử lại.', 'The dossier could not be created; try again.');
  }
  return { dossier, replayed: false };
}
