// SQL for users, officer roles and sessions. Each function takes the database or a transaction first.
import { eq, sql } from 'drizzle-orm';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { agencies, officerRoles, sessions, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row;
}

export interface RoleGrant {
  agencyId: string;
  agencyName: string;
  agencyCode: string | null;
  unitCode: string;
  role: OfficerRole;
}

export async function listRoleGrants(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ agencyId: officerRoles.agencyId, agencyName: agencies.name, agencyCode: agencies.code, unitCode: agencies.unitCode, role: officerRoles.role })
    .from(officerRoles)
    .innerJoin(agencies, eq(agencies.id, officerRoles.agencyId))
    .where(eq(officerRoles.userId, userId))
    .orderBy(agencies.name, officerRoles.role);
  return rows.map((row) => ({ ...row, role: row.role as OfficerRole }));
}

export interface LiveSession {
  sessionId: string;
  csrfToken: string;
  userId: string;
  kind: 'officer' | 'citizen';
  username: string;
  displayName: string;
  disabled: boolean;
  grants: RoleGrant[];
}

/**
 * The session of a token if it has not expired by `now` (the app's clock, so tests can move time), with the
 * user's role grants, in one round trip: this runs on every signed-in request.
 */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const [row] = await queryRows<LiveSession>(
    db,
    sql`SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", u.id AS "userId", u.kind, u.username,
               u.display_name AS "displayName", u.disabled_at IS NOT NULL AS disabled,
               coalesce((SELECT json_agg(json_build_object('agencyId', r.agency_id, 'agencyName', a.name, 'agencyCode', a.code,
                                                         'unitCode', a.unit_code, 'role', r.role) ORDER BY a.name, r.role)
                           FROM officer_roles r JOIN agencies a ON a.id = r.agency_id WHERE r.user_id = u.id), '[]'::json) AS grants
          FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now.toISOString()}::timestamptz`,
  );
  return row;
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
