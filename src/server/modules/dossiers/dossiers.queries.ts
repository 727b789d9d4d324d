// SQL for dossiers and their action log. Each function takes the database or a transaction first.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { fastSelect } from '../../db/fast-select.ts';
import { dossierActions, dossiers, dossierTasks } from '../../db/schema.ts';
import { dueCondition, type DueFilter } from './inbox-filters.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierActionRow = typeof dossierActions.$inferSelect;
export type DossierTaskRow = typeof dossierTasks.$inferSelect;

const dossierSelect = fastSelect(dossiers, 'dossiers');
const actionSelect = fastSelect(dossierActions, 'dossier_actions');

export async function findDossier(db: DbOrTx, id: string): Promise<DossierRow | undefined> {
  const [row] = await dossierSelect.rows(db, sql`WHERE id = ${id}`);
  return row;
}

/** Locks the dossier row for the rest of the transaction (concurrent actions queue behind it). */
export async function findDossierForUpdate(db: DbOrTx, id: string): Promise<DossierRow | undefined> {
  const [row] = await dossierSelect.rows(db, sql`WHERE id = ${id} FOR UPDATE`);
  return row;
}

/** Appends one action to a dossier's log (the action path: plain SQL, no query builder). */
export async function insertDossierAction(db: DbOrTx, row: Omit<typeof dossierActions.$inferInsert, 'id'> & { at: Date }): Promise<void> {
  await db.execute(sql`
    INSERT INTO dossier_actions (dossier_id, seq, type, actor_id, actor_role, agency_id, at, request_id, from_status, to_status, payload)
    VALUES (${row.dossierId}, ${row.seq}, ${row.type}, ${row.actorId ?? null}, ${row.actorRole}, ${row.agencyId ?? null}, ${row.at.toISOString()},
            ${row.requestId}, ${row.fromStatus ?? null}, ${row.toStatus}, ${JSON.stringify(row.payload ?? {})}::jsonb)`);
}

/** Sets columns of one dossier and returns the updated row (the action path: no query builder). */
export async function updateDossier(db: DbOrTx, id: string, values: Partial<DossierRow> | Record<string, unknown>): Promise<DossierRow | undefined> {
  const [row] = await dossierSelect.update(db, values, sql`WHERE id = ${id}`);
  return row;
}

export async function findDossierByCreationRequest(db: DbOrTx, createdBy: string, requestId: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(and(eq(dossiers.createdBy, createdBy), eq(dossiers.creationRequestId, requestId)));
  return row;
}

export function listDossierActions(db: DbOrTx, dossierId: string): Promise<DossierActionRow[]> {
  return actionSelect.rows(db, sql`WHERE dossier_id = ${dossierId} ORDER BY seq`);
}

/** Consultations and inter-agency tasks of a dossier, in the order they were asked. */
export function listDossierTasks(db: DbOrTx, dossierId: string): Promise<DossierTaskRow[]> {
  return db.select().from(dossierTasks).where(eq(dossierTasks.dossierId, dossierId)).orderBy(dossierTasks.requestedSeq, dossierTasks.position);
}

export interface DossierListFilter {
  /** Agencies whose dossiers the viewer may see (receiving, competent or returning). */
  agencyIds?: string[];
  citizenUserId?: string;
  status?: string | undefined;
  q?: string | undefined;
  assigneeId?: string | undefined;
  /** Only dossiers with a task open for one of these agencies (the consultations inbox). */
  openTasksOf?: string[] | undefined;
  /** Only open dossiers whose current deadline (acceptance or appointment) is today or has passed, as of `now`. */
  due?: { kind: DueFilter; now: number } | undefined;
  page: number;
  pageSize: number;
}

/** The viewer's inbox / search, soonest deadline first (awaiting acceptance: soonest acceptance deadline). */
export async function listDossiers(db: DbOrTx, filter: DossierListFilter) {
  const conditions: SQL[] = [];
  if (filter.citizenUserId) conditions.push(eq(dossiers.citizenUserId, filter.citizenUserId));
  if (filter.agencyIds) {
    const ids = filter.agencyIds.length > 0 ? filter.agencyIds : ['00000000-0000-0000-0000-000000000000'];
    const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
    conditions.push(
      sql`(${dossiers.receivingAgencyId} IN (${list}) OR ${dossiers.competentAgencyId} IN (${list}) OR ${dossiers.returningAgencyId} IN (${list}) OR ${dossiers.taskAgencyIds} && ARRAY[${list}])`,
    );
  }
  if (filter.status) conditions.push(eq(dossiers.status, filter.status));
  if (filter.assigneeId) conditions.push(eq(dossiers.assigneeId, filter.assigneeId));
  if (filter.openTasksOf && filter.openTasksOf.length > 0) {
    const list = sql.join(filter.openTasksOf.map((id) => sql`${id}::uuid`), sql`, `);
    conditions.push(sql`EXISTS (SELECT 1 FROM ${dossierTasks} t WHERE t.dossier_id = ${dossiers.id} AND t.status = 'open' AND t.agency_id IN (${list}))`);
  }
  if (filter.due) conditions.push(dueCondition(filter.due.kind, filter.due.now));
  if (filter.q) conditions.push(sql`${dossiers.searchText} LIKE '%' || motcua_normalize(${filter.q}) || '%'`);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select({ dossier: dossiers, total: sql<number>`count(*) OVER ()::int` })
    .from(dossiers)
    .where(where)
    .orderBy(sql`${dossiers.dueAt} ASC NULLS LAST`, sql`${dossiers.acceptanceDueAt} ASC NULLS LAST`, desc(dossiers.createdAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items: rows.map((r) => r.dossier), total: rows[0]?.total ?? 0 };
}
