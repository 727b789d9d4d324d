import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedAgencies } from '../agencies/seed-agencies.ts';
import { importUnits } from '../units/import-units.ts';
import { TestClient } from '../../testing/http-client.ts';
import { createTestContext, seedPath, startServer, type TestContext } from '../../testing/test-deps.ts';
import type { AppError } from '../../errors.ts';
import { assertNoDemoAccounts, seedDemoAccounts } from './seed-demo-accounts.ts';

describe('accounts, sessions and CSRF', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    ctx = await createTestContext();
    await importUnits(ctx.deps.db, seedPath('admin-units'));
    await seedAgencies(ctx.deps.db, { provinceCode: '01', date: '2026-11-23', seedDir: seedPath() });
    assert.equal(await seedDemoAccounts(ctx.deps), 7);
    assert.equal(await seedDemoAccounts(ctx.deps), 0, 'idempotent');
    server = await startServer(ctx.deps);
  });
  after(async () => {
    await server.stop();
    await ctx.close();
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const client = new TestClient(server.url);
    const wrong = await client.post('/api/auth/login', { username: 'demo.desk', password: 'nope' });
    const unknown = await client.post('/api/auth/login', { username: 'nobody', password: 'nope' });
    assert.equal(wrong.status, 401);
    assert.deepEqual([unknown.status, unknown.body.error.message], [401, wrong.body.error.message]);
  });

  it('signs a desk officer in with an HttpOnly cookie and lists their roles in a department and a commune', async () => {
    const client = new TestClient(server.url);
    const response = await client.post('/api/auth/login', { username: 'demo.desk', password: 'motcua-demo' });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    // Seven days counted by the browser's own clock (Max-Age), not a date from the server's (Expires).
    assert.match(cookie, /Max-Age=604800/);
    assert.doesNotMatch(cookie, /Expires=/);
    client.csrfToken = response.body.csrfToken;
    const me = await client.get('/api/auth/me');
    assert.deepEqual(me.body.roles.map((r: { role: string; agencyName: string }) => `${r.role} @ ${r.agencyName}`).sort(), [
      'desk @ Sở Tư pháp thành phố Hà Nội',
      'desk @ UBND phường Ba Đình',
    ]);
  });

  it('refuses a state-changing request without the CSRF token, and signs out with it', async () => {
    const client = new TestClient(server.url);
    await client.login('demo.citizen');
    const token = client.csrfToken;
    client.csrfToken = '';
    const forged = await client.post('/api/auth/logout');
    assert.equal(forged.status, 403);
    assert.equal(forged.body.error.details.rule, 'csrf');
    client.csrfToken = token;
    assert.equal((await client.post('/api/auth/logout')).status, 200);
    assert.equal((await client.get('/api/auth/me')).status, 401);
  });

  it('registers a citizen by phone number and validates the fields', async () => {
    const client = new TestClient(server.url);
    const bad = await client.post('/api/auth/register', { username: '12345', password: 'short', displayName: 'X' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.issues.map((i: { path: string }) => i.path), ['body.username', 'body.password']);
    const ok = await client.post('/api/auth/register', { username: '0912345678', password: 'mat-khau-dai', displayName: 'Công dân thử nghiệm' });
    assert.equal(ok.status, 201);
    assert.equal((await client.post('/api/auth/register', { username: '0912345678', password: 'mat-khau-dai', displayName: 'Lần hai' })).status, 409);
    await client.login('0912345678', 'mat-khau-dai');
    assert.equal((await client.get('/api/auth/me')).body.kind, 'citizen');
  });

  it('lets a signed-in province administrator manage calendars without the token', async () => {
    const client = new TestClient(server.url);
    await client.login('demo.admin');
    const confirm = await client.post('/api/calendars/01/2027/confirm', { actor: 'demo.admin', expectedRevision: 0 });
    assert.equal(confirm.status, 200);
    const desk = new TestClient(server.url);
    await desk.login('demo.desk');
    assert.equal((await desk.post('/api/calendars/01/2027/confirm', { actor: 'demo.desk', expectedRevision: 1 })).status, 401);
  });

  it('refuses to run in production while demo accounts exist', async () => {
    await assert.rejects(assertNoDemoAccounts(ctx.deps), (error: AppError) => error.code === 'CONFLICT');
  });
});
