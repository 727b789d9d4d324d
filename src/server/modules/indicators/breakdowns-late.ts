// Use case: the dossiers behind the "late" figures of a period for one agency (optionally one procedure): resolved
// late in the period, or open and overdue at the report instant, by the legal deadline (form II.06a). Each candidate
// is classified by the same shared timeline the aggregates are built from (dossierTimeline + dossierFacts), so the
// list matches the counts; only dossiers the viewer may see (dossier-access.ts canSee) are listed.
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { dayFromIso, instantAt, localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { Duration } from '../../../shared/calendar/deadlines.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import type { ActionRecord } from '../../../shared/dossiers/reducer.ts';
import { dossierFacts } from '../../../shared/indicators/facts.ts';
import { DEFAULT_INDICATOR_SETTINGS } from '../../../shared/indicators/settings.ts';
import { dossierTimeline, type Channel } from '../../../shared/indicators/timeline.ts';
import type { Deps } from '../../deps.ts';
import { dossierActions, dossiers, procedures, procedureVersions } from '../../db/schema.ts';
import type { Viewer } from '../../http/session.ts';
import { canSee } from '../dossiers/dossier-access.ts';
import { checkPeriod, checkScope } from './breakdowns.ts';
import { calendarForCounts } from './day-counts.ts';
import type { LateDossier, LateKind } from '../../../shared/indicators/breakdown-types.ts';


export async function lateDossiers(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer,
  query: {
    agencyId: string;
    procedureId?: string | undefined;
    from: string;
    to: string;
    limit?: number | undefined;
  },
) {
  const p = checkPeriod(deps, query);
  checkScope(viewer, query.agencyId);
  const fromAt = instantAt(p.fromDay, 0);
  const reportAt = instantAt(dayFromIso(p.asOf), 0);
  // Candidates: received before the report instant and not finished before the period (open, or finished in or after it).
  const rows = await deps.db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      status: dossiers.status,
      channel: dossiers.channel,
      duration: dossiers.duration,
      provinceCode: dossiers.provinceCode,
      competentAgencyId: dossiers.competentAgencyId,
      receivingAgencyId: dossiers.receivingAgencyId,
      returningAgencyId: dossiers.returningAgencyId,
      citizenUserId: dossiers.citizenUserId,
      taskAgencyIds: dossiers.taskAgencyIds,
      procedureId: dossiers.procedureId,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      finishedAt: dossiers.finishedAt,
      procedureCode: procedures.nationalCode,
      procedureName: procedureVersions.name,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .where(
      and(
        eq(dossiers.competentAgencyId, query.agencyId),
        query.procedureId ? eq(dossiers.procedureId, query.procedureId) : undefined,
        isNotNull(dossiers.receivedAt),
        lt(dossiers.receivedAt, new Date(reportAt)),
        or(isNull(dossiers.finishedAt), gte(dossiers.finishedAt, new Date(fromAt))),
      ),
    )
    .orderBy(asc(dossiers.dueAt), asc(dossiers.id));
  const visible = rows.filter((d) => canSee(viewer, d));
  const logs = new Map<string, ActionRecord[]>();
  if (visible.length > 0) {
    const actions = await deps.db
      .select({
        dossierId: dossierActions.dossierId,
        type: dossierActions.type,
        at: dossierActions.at,
        actorId: dossierActions.actorId,
        payload: dossierActions.payload,
      })
      .from(dossierActions)
      .where(
        inArray(
          dossierActions.dossierId,
          visible.map((d) => d.id),
        ),
      )
      .orderBy(asc(dossierActions.dossierId), asc(dossierActions.seq));
    for (const a of actions) {
      const log = logs.get(a.dossierId) ?? [];
      log.push({
        type: a.type as ActionRecord['type'],
        at: a.at.getTime(),
        actorId: a.actorId,
        payload: a.payload as Record<string, unknown>,
      });
      logs.set(a.dossierId, log);
    }
  }
  const calendars = new Map<string, Promise<WorkingCalendar>>();
  const items: LateDossier[] = [];
  for (const d of visible) {
    const key = `${d.provinceCode}:${yearOfDay(localDay((d.receivedAt as Date).getTime()))}`;
    if (!calendars.has(key)) calendars.set(key, calendarForCounts(deps.db, d));
    const calendar = await (calendars.get(key) as Promise<WorkingCalendar>);
    const timeline = dossierTimeline(
      calendar,
      { channel: d.channel as Channel, duration: (d.duration as Duration | null) ?? null },
      logs.get(d.id) ?? [],
      DEFAULT_INDICATOR_SETTINGS,
    );
    const facts = dossierFacts(timeline, { from: fromAt, to: reportAt });
    const kind: LateKind | null = facts.finished.some((f) => f.legal === 'late')
      ? 'resolved_late'
      : facts.openAtEnd?.legal === 'overdue'
        ? 'open_overdue'
        : null;
    if (!kind) continue;
    items.push({
      id: d.id,
      code: d.code,
      procedure: { id: d.procedureId, code: d.procedureCode, name: d.procedureName },
      receivedAt: (d.receivedAt as Date).toISOString(),
      dueAt: d.dueAt?.toISOString() ?? null,
      finishedAt: d.finishedAt?.toISOString() ?? null,
      status: d.status,
      kind,
    });
  }
  const limit = query.limit ?? 50;
  return {
    period: p.period,
    asOf: p.asOf,
    agencyId: query.agencyId,
    total: items.length,
    items: items.slice(0, limit),
  };
}
