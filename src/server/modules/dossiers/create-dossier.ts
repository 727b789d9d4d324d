// Use case: a dossier is filed — online by a citizen (status "Mới đăng ký" until the desk accepts it within 8
// working hours) or at the desk for a walk-in or postal dossier (received at once: code and appointment).
import { NATIONAL_STATUS } from '../../../shared/dossiers/statuses.ts';
import type { Duration } from '../../../shared/calendar/deadlines.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { attachComponentFiles, claimComponentFiles } from '../files/attach-files.ts';
import { findDossierByCreationRequest, type DossierRow } from './dossiers.queries.ts';
import { awaitingAcceptance, fieldError as field, insertNewDossier, LostCreationRace, resolveFiling } from './new-dossier.ts';
import { makeReceipt, receiptColumns } from './receipt.ts';

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
  /** Each component may carry files the caller uploaded (POST /api/files) and that are not attached yet. */
  components?: { name: string; quantity?: string | undefined; provided: boolean; fileIds?: string[] | undefined }[] | undefined;
  feeLines?: { name: string; amountVnd: number }[] | undefined;
  /** Desk intake: the legal duration when the catalogue has none with a unit. */
  duration?: Duration | undefined;
  /** Postal intake: the postal handover (waybill number and time). */
  postal?: { waybillNumber: string } | undefined;
}

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
  const filing = await resolveFiling(deps.db, input);
  if (!input.applicant.name.trim()) throw field('body.applicant.name', 'required', 'cần họ tên người nộp', 'the applicant name is required');
  const { provinceCode } = filing;
  const now = deps.clock.now().getTime();

  let dossier: DossierRow;
  try {
    dossier = await deps.db.transaction(async (tx): Promise<DossierRow> => {
      const components = input.components ?? [];
      const files = await claimComponentFiles(tx, viewer.userId, components, 'body.components');
      const base = {
        provinceCode,
        procedureId: filing.procedureId,
        procedureVersionId: filing.procedureVersionId,
        channel: input.channel,
        receivingAgencyId: filing.receivingAgencyId,
        competentAgencyId: filing.competentAgencyId,
        returningAgencyId: filing.receivingAgencyId,
        citizenUserId: isCitizen ? viewer.userId : null,
        createdBy: viewer.userId,
        creationRequestId: input.requestId,
        applicant: input.applicant,
        owner: input.owner ?? null,
        submitter: input.submitter ?? null,
        components: components.map(({ fileIds: _fileIds, ...component }, index) => ({ ...component, files: files[index] ?? [] })),
        feeLines: input.feeLines ?? [],
      };
      let values;
      if (isCitizen) {
        values = { ...base, ...(await awaitingAcceptance(tx, provinceCode, now)) };
      } else {
        const receipt = await makeReceipt(tx, base, now, input.duration);
        values = {
          ...base,
          status: 'received',
          nationalStatus: NATIONAL_STATUS.received,
          ...receiptColumns(receipt),
        };
      }
      // A concurrent retry of the same request inserts first: LostCreationRace rolls back (including any code taken).
      const row = await insertNewDossier(
        tx,
        values,
        {
          type: isCitizen ? 'submit' : 'intake',
          actorId: viewer.userId,
          actorRole: isCitizen ? 'citizen' : 'desk',
          agencyId: isCitizen ? null : input.receivingAgencyId,
          at: now,
          requestId: input.requestId,
          payload: { channel: input.channel, postal: input.postal ?? null },
        },
        isCitizen ? 'dossier.submitted' : 'dossier.received',
      );
      await attachComponentFiles(tx, row.id, 0, files, new Date(now));
      return row;
    });
  } catch (error) {
    // A concurrent retry of the same request got there first (its insert, or its claim of the same files): return
    // its dossier.
    const winner = await findDossierByCreationRequest(deps.db, viewer.userId, input.requestId);
    if (winner) return { dossier: winner, replayed: true };
    if (error instanceof LostCreationRace) {
      throw new AppError('CONFLICT', 'Không tạo được hồ sơ, vui lòng thử lại.', 'The dossier could not be created; try again.');
    }
    throw error;
  }
  return { dossier, replayed: false };
}
