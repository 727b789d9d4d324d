// The inbox tabs' counts for an officer in one query (COUNT … FILTER over the dossiers of the officer's agencies),
// with the same conditions as the list endpoint's filters.
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { Viewer } from '../../http/session.ts';
import { dueCondition } from './inbox-filters.ts';

export interface InboxCounts {
  submitted: number;
  mine: number;
  consultations: number;
  supplement: number;
  dueToday: number;
  overdue: number;
  resultReady: number;
  all: number;
}

/** How many dossiers each inbox tab holds for this officer now. */
export async function countInbox(db: DbOrTx, viewer: Viewer, now: number): Promise<InboxCounts> {
  const ids = [...new Set(viewer.grants.map((g) => g.agencyId))];
  if (ids.length === 0)
    return {
      submitted: 0,
      mine: 0,
      consultations: 0,
      supplement: 0,
      dueToday: 0,
      overdue: 0,
      resultReady: 0,
      all: 0,
    };
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] = await queryRows<InboxCounts>(
    db,
    sql`
    SELECT count(*) FILTER (WHERE status = 'submitted')::int AS "submitted",
           count(*) FILTER (WHERE assignee_id = ${viewer.userId})::int AS "mine",
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_tasks t WHERE t.dossier_id = dossiers.id AND t.status = 'open' AND t.agency_id IN (${list})))::int AS "consultations",
           count(*) FILTER (WHERE status = 'awaiting_supplement')::int AS "supplement",
           count(*) FILTER (WHERE ${dueCondition('today', now)})::int AS "dueToday",
           count(*) FILTER (WHERE ${dueCondition('overdue', now)})::int AS "overdue",
           count(*) FILTER (WHERE status = 'result_ready')::int AS "resultReady",
           count(*)::int AS "all"
      FROM dossiers
     WHERE receiving_agency_id IN (${list}) OR competent_agency_id IN (${list}) OR returning_agency_id IN (${list}) OR task_agency_ids && ARRAY[${list}]`,
  );
  return row as InboxCounts;
}
