// Use cases: sign in (new session with a CSRF token) and register a citizen account.
import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { sessions, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findUserByUsername } from './accounts.queries.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_DAYS = 7;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a session; the same error whether the user or the password is wrong. */
export async function login(deps: Pick<Deps, 'db' | 'clock'>, input: { username: string; password: string }) {
  const user = await findUserByUsername(deps.db, input.username);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabledAt) {
    throw new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await deps.db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, user };
}

const PHONE = /^0\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A citizen account identified by a Vietnamese mobile number or an e-mail address. */
export async function registerCitizen(deps: Pick<Deps, 'db'>, input: { username: string; password: string; displayName: string }) {
  const username = input.username.trim().toLowerCase();
  const issues = [];
  if (!PHONE.test(username) && !EMAIL.test(username)) {
    issues.push({ path: 'body.username', rule: 'phone_or_email', message: 'phải là số điện thoại (10 số, bắt đầu bằng 0) hoặc địa chỉ e-mail', messageEn: 'must be a 10-digit phone number starting with 0 or an e-mail address' });
  }
  if (input.password.length < 8) {
    issues.push({ path: 'body.password', rule: 'min_length', message: 'mật khẩu phải có ít nhất 8 ký tự', messageEn: 'the password must have at least 8 characters' });
  }
  if (issues.length > 0) throw AppError.invalidInput(issues);
  if (await findUserByUsername(deps.db, username)) {
    throw new AppError('CONFLICT', 'Tài khoản này đã tồn tại.', 'This account already exists.');
  }
  const [user] = await deps.db
    .insert(users)
    .values({
      kind: 'citizen',
      username,
      displayName: input.displayName.trim(),
      phone: PHONE.test(username) ? username : null,
      email: EMAIL.test(username) ? username : null,
      passwordHash: await hashPassword(input.password),
    })
    .onConflictDoNothing()
    .returning();
  if (!user) throw new AppError('CONFLICT', 'Tài khoản này đã tồn tại.', 'This account already exists.');
  return user;
}
