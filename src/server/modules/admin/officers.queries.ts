// SQL for administering officers: who works in an agency with which roles, role rows, account state, and jobs.
import { sql } from 'drizzle-orm';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export interface OfficerRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: OfficerRole[];
}

/** Officers holding at least one role in `agencyId`, with those roles; `q` matches name or username, diacritics ignored. */
export function listAgencyOfficers(db: DbOrTx, agencyId: string, q: string | undefined): Promise<OfficerRow[]> {
  const match = q?.trim()
    ? sql`AND (motcua_normalize(u.display_name) LIKE '%' || motcua_normalize(${q.trim()}) || '%' OR u.username LIKE '%' || lower(${q.trim()}) || '%')`
    : sql``;
  return queryRows<OfficerRow>(
    db,
    sql`SELECT u.id, u.username, u.display_name AS "displayName", u.disabled_at IS NOT NULL AS disabled,
               json_agg(r.role ORDER BY r.role) AS roles
          FROM users u JOIN officer_roles r ON r.user_id = u.id
         WHERE r.agency_id = ${agencyId} AND u.kind = 'officer' ${match}
         GROUP BY u.id
         ORDER BY u.display_name, u.username
         LIMIT 500`,
  );
}

/** One officer with their roles in `agencyId` (possibly none), or undefined when no such officer exists. */
export async function findOfficer(db: DbOrTx, where: { id: string } | { username: string }, agencyId: string): Promise<OfficerRow | undefined> {
  const condition = 'id' in where ? sql`u.id = ${where.id}` : sql`u.username = ${where.username.trim().toLowerCase()}`;
  const [row] = await queryRows<OfficerRow>(
    db,
    sql`SELECT u.id, u.username, u.display_name AS "displayName", u.disabled_at IS NOT NULL AS disabled,
               coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM officer_roles r WHERE r.user_id = u.id AND r.agency_id = ${agencyId}), '[]'::json) AS roles
          FROM users u WHERE ${condition} AND u.kind = 'officer'`,
  );
  return row;
}

/** Every role of a user in every agency. */
export function listUserRoles(db: DbOrTx, userId: string): Promise<{ agencyId: string; role: OfficerRole }[]> {
  return queryRows(db, sql`SELECT agency_id AS "agencyId", role FROM officer_roles WHERE user_id = ${userId}`);
}

/** The province-administrator roles held by enabled accounts, locking them so two revocations cannot race. */
export async function lockProvinceAdmins(db: DbOrTx): Promise<{ userId: string; agencyId: string }[]> {
  return queryRows(
    db,
    sql`SELECT r.user_id AS "userId", r.agency_id AS "agencyId" FROM officer_roles r JOIN users u ON u.id = r.user_id
         WHERE r.role = 'province_admin' AND u.disabled_at IS NULL
         FOR UPDATE OF r`,
  );
}

export async function insertRole(db: DbOrTx, userId: string, agencyId: string, role: OfficerRole): Promise<boolean> {
  const rows = await queryRows<{ role: string }>(
    db,
    sql`INSERT INTO officer_roles (user_id, agency_id, role) VALUES (${userId}, ${agencyId}, ${role}) ON CONFLICT DO NOTHING RETURNING role`,
  );
  return rows.length > 0;
}

export async function deleteRole(db: DbOrTx, userId: string, agencyId: string, role: OfficerRole): Promise<boolean> {
  const rows = await queryRows<{ role: string }>(
    db,
    sql`DELETE FROM officer_roles WHERE user_id = ${userId} AND agency_id = ${agencyId} AND role = ${role} RETURNING role`,
  );
  return rows.length > 0;
}

/** Sets or clears disabled_at; a disabled account also loses its sessions at once. Returns whether it changed. */
export async function setDisabled(db: DbOrTx, userId: string, disabled: boolean): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    disabled
      ? sql`UPDATE users SET disabled_at = now() WHERE id = ${userId} AND disabled_at IS NULL RETURNING id`
      : sql`UPDATE users SET disabled_at = NULL WHERE id = ${userId} AND disabled_at IS NOT NULL RETURNING id`,
  );
  if (disabled) await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
  return rows.length > 0;
}

/** Number of officers with a role in each agency. */
export async function countOfficersByAgency(db: DbOrTx, agencyIds: string[] | 'all'): Promise<Map<string, number>> {
  const filter = agencyIds === 'all' ? sql`` : sql`WHERE agency_id = ANY(${`{${agencyIds.join(',')}}`}::uuid[])`;
  const rows = await queryRows<{ agencyId: string; n: number }>(
    db,
    sql`SELECT agency_id AS "agencyId", count(DISTINCT user_id)::int AS n FROM officer_roles ${filter} GROUP BY agency_id`,
  );
  return new Map(rows.map((r) => [r.agencyId, r.n]));
}
