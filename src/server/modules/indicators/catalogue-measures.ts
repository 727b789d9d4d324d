// The 766 index's figures that come from the catalogue (point in time, for the viewer's agencies, no aggregates):
// 1.3 procedures with complete published components, 3.1 procedures with an online service, 3.2 online services
// used in the period, 3.5b fee-bearing procedures paid online in the period; and the ratings (5.4's dislikes, the
// satisfaction share), counted from dossier_ratings. "The agencies' procedures" are those agency_procedures lists with the role implementing or
// competent; each is judged on its current version (docs/INDICATORS.md).
import { sql, type SQL } from 'drizzle-orm';
import { instantAt } from '../../../shared/calendar/vietnam-time.ts';
import type { CatalogueFigures } from '../../../shared/indicators/index766.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export type AgencyScope = 'all' | string[];

const agencyIn = (column: SQL, scope: AgencyScope) => (scope === 'all' ? sql`true` : sql`${column} = ANY(${`{${scope.join(',')}}`}::uuid[])`);

/**
 * ND 63/2010 Art. 8.2 as far as the catalogue stores it: name, steps, how to file (a channel option), the dossier's
 * components, the duration, who may apply, the agency, the result, the fee (an amount, a fee text or free) and the
 * legal basis. Forms and conditions are left out: not every procedure has them.
 */
const COMPLETE = sql`(
  coalesce(v.name, '') <> '' AND coalesce(v.steps, '') <> ''
  AND (jsonb_typeof(v.components) = 'array' AND jsonb_array_length(v.components) > 0 OR coalesce(v.dossier_text, '') <> '')
  AND cardinality(v.applicant_types) > 0
  AND coalesce(v.competent_agency_text, v.implementing_agency_text, '') <> ''
  AND coalesce(v.result, '') <> '' AND coalesce(v.legal_basis, '') <> ''
  AND EXISTS (SELECT 1 FROM procedure_variants pv JOIN procedure_channel_options o ON o.variant_id = pv.id
               WHERE pv.version_id = v.id AND (o.duration_value IS NOT NULL OR coalesce(o.duration_text, '') <> '')
                 AND (o.is_free OR cardinality(o.fee_amounts_vnd) > 0 OR coalesce(o.fee_text, '') <> ''))
)`;

const FEE_BEARING = sql`EXISTS (
  SELECT 1 FROM procedure_variants pv JOIN procedure_channel_options o ON o.variant_id = pv.id
   WHERE pv.version_id = v.id AND NOT o.is_free AND EXISTS (SELECT 1 FROM unnest(o.fee_amounts_vnd) AS f(amount) WHERE f.amount > 0)
)`;

/**
 * Whether the procedure has a positive day row of one of the measures in [from, end) at an agency in scope: one probe
 * of indicator_day_counts_procedure_idx per procedure and measure, stopping at the first row (a scalar subquery with
 * LIMIT 1, so that the planner cannot turn it into a scan of the whole year's rows). Flow rows are never negative,
 * so a positive row is the same as a positive sum.
 */
function usedIn(procedure: SQL, measures: readonly string[], scope: AgencyScope, period: { from: string; end: string }): SQL {
  const probes = measures.map(
    (measure) => sql`(SELECT 1 FROM indicator_day_counts x
         WHERE x.procedure_id = ${procedure} AND x.measure = ${measure} AND x.day >= ${period.from}::date AND x.day < ${period.end}::date
           AND x.value > 0 AND ${agencyIn(sql`x.agency_id`, scope)} LIMIT 1) IS NOT NULL`,
  );
  return sql`(${sql.join(probes, sql` OR `)})`;
}

interface Row {
  public_procedures: number;
  complete_procedures: number;
  with_online_service: number;
  online_services_used: number;
  fee_procedures: number;
  fee_procedures_paid_online: number;
}

/** The catalogue's figures for the agencies in scope; "used" and "paid online" count dossiers received in [from, end). */
export async function catalogueFigures(db: DbOrTx, scope: AgencyScope, period: { from: string; end: string }): Promise<CatalogueFigures> {
  const [row] = await queryRows<Row>(
    db,
    sql`WITH scoped AS (
          SELECT DISTINCT ap.procedure_id FROM agency_procedures ap
           WHERE ap.role IN ('implementing', 'competent') AND ${agencyIn(sql`ap.agency_id`, scope)}
        ), judged AS (
          SELECT v.online_level IN ('partial', 'full') AS online, ${COMPLETE} AS complete, ${FEE_BEARING} AS fee,
                 ${usedIn(sql`s.procedure_id`, ['received_online', 'received_national_portal'], scope, period)} AS used,
                 ${usedIn(sql`s.procedure_id`, ['paid_online'], scope, period)} AS paid
            FROM scoped s
            JOIN procedures p ON p.id = s.procedure_id
            JOIN procedure_versions v ON v.id = p.current_version_id
        )
        SELECT count(*)::int AS public_procedures,
               count(*) FILTER (WHERE complete)::int AS complete_procedures,
               count(*) FILTER (WHERE online)::int AS with_online_service,
               count(*) FILTER (WHERE online AND used)::int AS online_services_used,
               count(*) FILTER (WHERE fee)::int AS fee_procedures,
               count(*) FILTER (WHERE fee AND paid)::int AS fee_procedures_paid_online
          FROM judged`,
  );
  const r = row as Row;
  return {
    publicProcedures: Number(r.public_procedures),
    completeProcedures: Number(r.complete_procedures),
    proceduresInCompetence: Number(r.public_procedures),
    withOnlineService: Number(r.with_online_service),
    onlineServices: Number(r.with_online_service),
    onlineServicesUsed: Number(r.online_services_used),
    feeProcedures: Number(r.fee_procedures),
    feeProceduresPaidOnline: Number(r.fee_procedures_paid_online),
  };
}

/** The ratings given in a period to the dossiers of the agencies in scope: what 5.4 and the satisfaction share read. */
export interface RatingFigures {
  ratings: number;
  scoreSum: number;
  /** Scores at or above settings.satisfiedMinScore. */
  satisfied: number;
  /** Scores at or below settings.dislikeMaxScore (5.4). */
  dislikes: number;
}

/**
 * Ratings given in [fromDay, endDay) (Vietnam days) to dossiers of the agencies in scope (competent agency). A direct
 * query: the dossiers_competent_idx narrows the dossiers, the rating is by key.
 */
export async function ratingFigures(
  db: DbOrTx,
  scope: AgencyScope,
  fromDay: number,
  endDay: number,
  scores: { dislikeMaxScore: number; satisfiedMinScore: number },
): Promise<RatingFigures> {
  const [row] = await queryRows<{ ratings: number; score_sum: number; satisfied: number; dislikes: number }>(
    db,
    sql`SELECT count(*)::int AS ratings, coalesce(sum(r.score), 0)::int AS score_sum,
               count(*) FILTER (WHERE r.score >= ${scores.satisfiedMinScore})::int AS satisfied,
               count(*) FILTER (WHERE r.score <= ${scores.dislikeMaxScore})::int AS dislikes
          FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
         WHERE ${agencyIn(sql`d.competent_agency_id`, scope)}
           AND r.created_at >= ${new Date(instantAt(fromDay, 0)).toISOString()}::timestamptz
           AND r.created_at < ${new Date(instantAt(endDay, 0)).toISOString()}::timestamptz`,
  );
  return { ratings: Number(row?.ratings ?? 0), scoreSum: Number(row?.score_sum ?? 0), satisfied: Number(row?.satisfied ?? 0), dislikes: Number(row?.dislikes ?? 0) };
}
