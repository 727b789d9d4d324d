// SQL for users, officer roles and sessions. Each function takes the database or a transaction first.
import { and, eq, gt } from 'drizzle-orm';
import type { OfficerRole } from '../../../shared/dossiers/actions.ts';
import type { DbOrTx } from '../../db/client.ts';
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

/** The session of a token if it has not expired by `now` (the app's clock, so tests can move time). */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ sessionId: sessions.id, csrfToken: sessions.csrfToken, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
