// Use case: the national portal (DVCQG) forwards a dossier filed there. It becomes a dossier of channel
// national_portal in status "Mới đăng ký", which the desk accepts or refuses within 8 working hours like an online
// filing. The portal's code (MaHoSo) makes it idempotent: the same code again returns the same dossier.
import type { Deps } from '../../deps.ts';
import { findAgencyByCode } from '../agencies/agencies.queries.ts';
import type { DossierRow } from '../dossiers/dossiers.queries.ts';
import { awaitingAcceptance, fieldError, insertNewDossier, LostCreationRace, resolveFiling, type FilingPaths } from '../dossiers/new-dossier.ts';
import { listProceduresByNationalCode } from '../procedures/procedures.queries.ts';
import { mapDvcqgDossier, type DvcqgDossier } from './dvcqg-payload.ts';
import { findPortalDossier, insertPortalDossier } from './national-portal.queries.ts';

/** Errors name the portal's own fields. */
const PORTAL_PATHS: FilingPaths = { procedureId: 'MaTTHC', receivingAgencyId: 'DonViXuLy', competentAgencyId: 'DonViXuLy' };

/** Creates the dossier (or returns the one already received under this MaHoSo); INVALID_INPUT names the DVCQG field. */
export async function receivePortalDossier(deps: Pick<Deps, 'db' | 'clock'>, payload: DvcqgDossier): Promise<{ dossier: DossierRow; replayed: boolean }> {
  const portalCode = payload.MaHoSo.trim();
  const previous = await findPortalDossier(deps.db, portalCode);
  if (previous) return { dossier: previous, replayed: true };

  const now = deps.clock.now().getTime();
  const mapped = mapDvcqgDossier(payload, now);
  const agency = await findAgencyByCode(deps.db, payload.DonViXuLy.trim());
  if (!agency) throw fieldError('DonViXuLy', 'exists', 'không có cơ quan có mã định danh này', 'no agency has this electronic code');
  const candidates = await listProceduresByNationalCode(deps.db, payload.MaTTHC.trim(), agency.id);
  const procedure = candidates[0];
  if (!procedure) throw fieldError('MaTTHC', 'exists', 'không có thủ tục hành chính có mã này', 'no procedure has this national code');
  if (!procedure.offered) throw fieldError('MaTTHC', 'agency_procedure', 'cơ quan DonViXuLy không giải quyết thủ tục này', 'the DonViXuLy agency does not handle this procedure');
  const filing = await resolveFiling(deps.db, { procedureId: procedure.id, receivingAgencyId: agency.id }, PORTAL_PATHS);

  const requestId = `dvcqg:${portalCode}`;
  try {
    const dossier = await deps.db.transaction(async (tx) => {
      const row = await insertNewDossier(
        tx,
        {
          provinceCode: filing.provinceCode,
          procedureId: filing.procedureId,
          procedureVersionId: filing.procedureVersionId,
          channel: 'national_portal',
          receivingAgencyId: filing.receivingAgencyId,
          competentAgencyId: filing.competentAgencyId,
          returningAgencyId: filing.receivingAgencyId,
          citizenUserId: null,
          createdBy: null,
          creationRequestId: requestId,
          applicant: mapped.applicant,
          owner: null,
          submitter: null,
          components: mapped.components,
          feeLines: mapped.feeLines,
          ...(await awaitingAcceptance(tx, filing.provinceCode, now)),
        },
        {
          type: 'submit',
          actorId: null,
          actorRole: 'system',
          agencyId: null,
          at: now,
          requestId,
          payload: { channel: 'national_portal', portal: 'dvcqg', portalCode, submittedAt: new Date(mapped.submittedAt).toISOString(), summary: payload.TrichYeuHoSo ?? null },
        },
        'dossier.submitted',
      );
      const isFirst = await insertPortalDossier(tx, { dossierId: row.id, portalCode, submittedAt: new Date(mapped.submittedAt), payload, receivedAt: new Date(now) });
      if (!isFirst) throw new LostCreationRace();
      return row;
    });
    return { dossier, replayed: false };
  } catch (error) {
    // A concurrent delivery of the same MaHoSo got there first: answer with its dossier.
    const winner = await findPortalDossier(deps.db, portalCode);
    if (winner) return { dossier: winner, replayed: true };
    throw error;
  }
}
