// Everything a printed form shows about a dossier, loaded once and checked against the viewer's access.
import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import { agencies, procedureVersions, users } from '../../db/schema.ts';
import type { Viewer } from '../../http/session.ts';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { canSee, dossierNotFound } from '../dossiers/dossier-access.ts';
import { findDossier, listDossierActions, type DossierActionRow, type DossierRow } from '../dossiers/dossiers.queries.ts';

export interface FormData {
  db: Deps['db'];
  dossier: DossierRow;
  procedure: { code: string | null; name: string };
  receivingAgency: string;
  competentAgency: string;
  actions: (DossierActionRow & { actorName: string })[];
  trackingUrl: string;
}

export async function loadFormData(deps: Pick<Deps, 'db' | 'config'>, viewer: Viewer, dossierId: string): Promise<FormData> {
  const dossier = await findDossier(deps.db, dossierId);
  if (!dossier || !canSee(viewer, dossier)) throw dossierNotFound(dossierId);
  const [procedure] = await deps.db.select({ code: procedureVersions.nationalCode, name: procedureVersions.name }).from(procedureVersions).where(eq(procedureVersions.id, dossier.procedureVersionId));
  const agencyRows = await deps.db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, [dossier.receivingAgencyId, dossier.competentAgencyId]));
  const agencyName = (id: string) => agencyRows.find((a) => a.id === id)?.name ?? '';
  const actions = await listDossierActions(deps.db, dossier.id);
  const actorIds = [...new Set(actions.map((a) => a.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length ? await deps.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, actorIds)) : [];
  return {
    db: deps.db,
    dossier,
    procedure: procedure ?? { code: null, name: '' },
    receivingAgency: agencyName(dossier.receivingAgencyId),
    competentAgency: agencyName(dossier.competentAgencyId),
    actions: actions.map((a) => ({ ...a, actorName: actors.find((u) => u.id === a.actorId)?.name ?? 'Hệ thống' })),
    trackingUrl: `${deps.config.publicBaseUrl}/tra-cuu?ma=${encodeURIComponent(dossier.code ?? '')}`,
  };
}

/** The working calendar a dossier's forms count with: from the year it was received, three years on. */
export function loadFormCalendar(data: Pick<FormData, 'db' | 'dossier'>) {
  const year = yearOfDay(localDay(data.dossier.receivedAt?.getTime() ?? Date.now()));
  return loadWorkingCalendar(data.db, data.dossier.provinceCode, year, year + 3);
}
