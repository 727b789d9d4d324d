// Schema: People who sign in, officer roles per agency, sessions.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { agencies } from './catalogue.ts';

/** A person who signs in: an officer (roles per agency in officer_roles) or a citizen. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('users_username_key').on(t.username),
    check('users_kind_check', sql`${t.kind} in ('officer', 'citizen')`),
    check('users_username_check', sql`${t.username} = lower(${t.username})`),
  ],
);

/** An officer's role in one agency; one person may hold several roles in several agencies. */
export const officerRoles = pgTable(
  'officer_roles',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.agencyId, t.role] }),
    index('officer_roles_agency_idx').on(t.agencyId, t.role),
    check('officer_roles_role_check', sql`${t.role} in ('desk', 'handler', 'leader', 'clerk', 'agency_admin', 'province_admin', 'province_leader')`),
  ],
);

/** A signed-in session: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);
