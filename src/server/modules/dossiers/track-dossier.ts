// Use case: public tracking by dossier code plus the last four digits of the applicant's phone (against
// enumeration). Shows only what may be shown without signing in.
import { eq } from 'drizzle-orm';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import { STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import type { Deps } from '../../deps.ts';
import { agencies, procedureVersions } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findDossierByCode } from './dossiers.queries.ts';
import { timingOf } from './dossiers.present.ts';

export async function trackDossier(deps: Pick<Deps, 'db' | 'clock'>, code: string, phoneLast4: string) {
  const dossier = await findDossierByCode(deps.db, code.trim());
  const phone = String((dossier?.applicant as { phone?: string } | undefined)?.phone ?? '').replace(/\D/g, '');
  // The same answer for an unknown code and a wrong phone: nothing to learn by guessing codes.
  if (!dossier || phone.length < 4 || phone.slice(-4) !== phoneLast4) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ với mã và số điện thoại này.', 'No dossier matches this code and phone number.');
  }
  const [version] = await deps.db.select({ name: procedureVersions.name, code: procedureVersions.nationalCode }).from(procedureVersions).where(eq(procedureVersions.id, dossier.procedureVersionId));
  const [agency] = await deps.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, dossier.receivingAgencyId));
  const status = dossier.status as DossierStatus;
  const timing = timingOf(dossier, deps.clock.now().getTime());
  return {
    code: dossier.code as string,
    procedure: { code: version?.code ?? null, name: version?.name ?? '' },
    receivingAgency: agency?.name ?? '',
    status,
    statusLabel: STATUS_LABELS[status],
    nationalStatus: dossier.nationalStatus,
    receivedAt: dossier.receivedAt ? formatVietnamIso(dossier.receivedAt.getTime()) : null,
    dueAt: dossier.dueAt ? formatVietnamIso(dossier.dueAt.getTime()) : null,
    finishedAt: dossier.finishedAt ? formatVietnamIso(dossier.finishedAt.getTime()) : null,
    timing,
    isOverdue: timing === 'overdue' || timing === 'late',
  };
}
