import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { ACTION_TYPES, ALLOWED_ACTIONS, isAllowed, type Role } from '../../../shared/dossiers/actions.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import { agencies, dossiers, officerRoles, users } from '../../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { seedDemoAccounts } from '../accounts/seed-demo-accounts.ts';
import { seedAgencies } from '../agencies/seed-agencies.ts';
import { confirmCalendarYear } from '../calendars/confirm-calendar-year.ts';
import { importProcedures } from '../procedures/import-procedures.ts';
import { importUnits } from '../units/import-units.ts';
import { TestClient } from '../../testing/http-client.ts';
import { createTestContext, fixedClock, seedPath, startServer, type TestContext } from '../../testing/test-deps.ts';

// The whole access table: every principal × every action × a dossier in every status, over HTTP.
// Each request carries a wrong version, so an allowed action stops at the version check (409 stale_version)
// without changing anything; a refused one answers 404 (cannot see), 403 (wrong role) or 409 (not in this status).
type Principal = { name: string; username: string; password?: string; sees: boolean; roles: Role[] };

const PRINCIPALS: Principal[] = [
  { name: 'the applicant (citizen owner)', username: 'demo.citizen', sees: true, roles: ['citizen'] },
  { name: 'another citizen', username: 'khac@example.com', password: 'mat-khau-dai', sees: false, roles: [] },
  { name: 'desk of the commune', username: 'demo.desk', sees: true, roles: ['desk'] },
  { name: 'handler of the commune', username: 'demo.handler', sees: true, roles: ['handler'] },
  { name: 'leader of the commune', username: 'demo.leader', sees: true, roles: ['leader'] },
  { name: 'records clerk of the commune', username: 'demo.clerk', sees: true, roles: ['clerk'] },
  { name: 'desk of another commune', username: 'desk.other', password: 'mat-khau-dai', sees: false, roles: [] },
  { name: 'province administrator', username: 'demo.admin', sees: true, roles: [] },
  { name: 'handler of a consulted agency (police)', username: 'police.handler', password: 'mat-khau-dai', sees: true, roles: ['consulted'] },
  { name: 'province leader (read-only oversight)', username: 'demo.lanhdao', sees: true, roles: [] },
];

function expected(principal: Principal, status: DossierStatus, action: (typeof ACTION_TYPES)[number]): string {
  if (!principal.sees) return '404';
  if (isAllowed(status, action, principal.roles)) return '409 stale_version';
  if (ALLOWED_ACTIONS[status].some((rule) => rule.type === action)) return '403';
  return '409 status';
}

describe('access table: role × action × status × unit', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  const clients = new Map<string, TestClient>();
  const dossierIn = new Map<DossierStatus, string>();

  before(async () => {
    ctx = await createTestContext({ clock: fixedClock('2026-03-02T02:00:00Z') });
    await importUnits(ctx.deps.db, seedPath('admin-units'));
    await importProcedures(ctx.deps.db, seedPath('procedures', 'national-2026', 'procedures.jsonl'));
    await seedAgencies(ctx.deps.db, { provinceCode: '01', date: '2026-03-02', seedDir: seedPath() });
    await seedDemoAccounts(ctx.deps);
    for (const year of [2026, 2027, 2028, 2029]) await confirmCalendarYear(ctx.deps, { provinceCode: '01', year, actor: 'test', expectedRevision: 0 });
    const [otherCommune] = await ctx.deps.db.select().from(agencies).where(eq(agencies.seedKey, '01:commune:00008'));
    const passwordHash = await hashPassword('mat-khau-dai');
    const [other] = await ctx.deps.db.insert(users).values({ kind: 'officer', username: 'desk.other', displayName: 'Một cửa phường khác (thử nghiệm)', passwordHash }).returning();
    await ctx.deps.db.insert(officerRoles).values({ userId: other!.id, agencyId: otherCommune!.id, role: 'desk' });
    await ctx.deps.db.insert(users).values({ kind: 'citizen', username: 'khac@example.com', displayName: 'Công dân khác (thử nghiệm)', passwordHash });
    const [police] = await ctx.deps.db.select().from(agencies).where(eq(agencies.seedKey, '01:cong-an'));
    const [policeOfficer] = await ctx.deps.db.insert(users).values({ kind: 'officer', username: 'police.handler', displayName: 'Cán bộ công an (thử nghiệm)', passwordHash }).returning();
    await ctx.deps.db.insert(officerRoles).values({ userId: policeOfficer!.id, agencyId: police!.id, role: 'handler' });
    server = await startServer(ctx.deps);
    for (const p of PRINCIPALS) {
      const client = new TestClient(server.url);
      await client.login(p.username, p.password ?? 'motcua-demo');
      clients.set(p.username, client);
    }

    const citizen = clients.get('demo.citizen')!;
    const desk = clients.get('demo.desk')!;
    const leader = clients.get('demo.leader')!;
    const handler = clients.get('demo.handler')!;
    const clerk = clients.get('demo.clerk')!;
    const handlerId = (await handler.get('/api/auth/me')).body.id;
    const commune = (await desk.get('/api/agencies?unit=00004')).body.items[0].id;
    const procedureId = (await desk.get('/api/procedures?q=1.002211')).body.items[0].id;
    const file = async () =>
      (await citizen.post('/api/dossiers', { requestId: randomUUID(), procedureId, channel: 'online', receivingAgencyId: commune, applicant: { name: 'Người nộp thử nghiệm', phone: '0912000222' } })).body;
    const act = async (client: TestClient, d: { id: string; version: number }, type: string, fields: Record<string, unknown> = {}) => {
      const r = await client.post(`/api/dossiers/${d.id}/actions`, { type, requestId: randomUUID(), version: d.version, ...fields });
      assert.equal(r.status, 200, `${type}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const paths: Record<DossierStatus, (d: any) => Promise<any>> = {
      submitted: async (d) => d,
      refused_at_intake: (d) => act(desk, d, 'refuse_intake', { reasons: ['Sai thẩm quyền'] }),
      received: (d) => act(desk, d, 'receive'),
      in_progress: async (d) => act(leader, await act(desk, d, 'receive'), 'assign', { assigneeId: handlerId }),
      awaiting_supplement: async (d) => act(desk, await act(desk, d, 'receive'), 'request_supplement', { missing: ['Giấy tờ'] }),
      awaiting_payment: async (d) => act(handler, await paths.in_progress(d), 'request_payment', { amountVnd: 50000, description: 'Lệ phí' }),
      approved: async (d) => act(leader, await paths.in_progress(d), 'approve'),
      result_ready: async (d) => act(clerk, await paths.approved(d), 'issue_result', { resultNumber: '1/QĐ' }),
      returned: async (d) => act(desk, await paths.result_ready(d), 'return_result', { method: 'in_person' }),
      withdrawn: (d) => act(citizen, d, 'withdraw', { reason: 'Không còn nhu cầu' }),
      stopped: async (d) => act(leader, await paths.in_progress(d), 'refuse', { reasons: ['Không đủ điều kiện'] }),
    };
    for (const status of DOSSIER_STATUSES) {
      const dossier = await paths[status](await file());
      assert.equal(dossier.status, status);
      dossierIn.set(status, dossier.id);
    }
    // Every dossier has asked the police for something (the task rows themselves are not needed for access).
    await ctx.deps.db.update(dossiers).set({ taskAgencyIds: [police!.id] });
  });
  after(async () => {
    await server.stop();
    await ctx.close();
  });

  for (const principal of PRINCIPALS) {
    it(`answers ${principal.name} as the table says for every status and action`, async () => {
      const client = clients.get(principal.username)!;
      const mismatches: string[] = [];
      let checked = 0;
      for (const status of DOSSIER_STATUSES) {
        for (const action of ACTION_TYPES) {
          const response = await client.post(`/api/dossiers/${dossierIn.get(status)}/actions`, { type: action, requestId: randomUUID(), version: 999_999 });
          const rule = response.body?.error?.details?.rule;
          const got = response.status === 409 ? `409 ${rule}` : String(response.status);
          const want = expected(principal, status, action);
          if (got !== want) mismatches.push(`${status} / ${action}: got ${got}, want ${want}`);
          checked += 1;
        }
      }
      assert.equal(checked, DOSSIER_STATUSES.length * ACTION_TYPES.length);
      assert.deepEqual(mismatches, []);
    });
  }

  it('agrees with hand-written spot checks of the table', () => {
    const desk = PRINCIPALS[2]!;
    const citizen = PRINCIPALS[0]!;
    assert.equal(expected(desk, 'submitted', 'receive'), '409 stale_version');
    assert.equal(expected(citizen, 'submitted', 'receive'), '403');
    assert.equal(expected(citizen, 'awaiting_supplement', 'submit_supplement'), '409 stale_version');
    assert.equal(expected(PRINCIPALS[3]!, 'in_progress', 'approve'), '403');
    assert.equal(expected(PRINCIPALS[4]!, 'in_progress', 'approve'), '409 stale_version');
    assert.equal(expected(PRINCIPALS[5]!, 'returned', 'issue_result'), '409 status');
    assert.equal(expected(PRINCIPALS[6]!, 'in_progress', 'forward'), '404');
    assert.equal(expected(PRINCIPALS[8]!, 'in_progress', 'answer_consultation'), '409 stale_version');
    assert.equal(expected(PRINCIPALS[8]!, 'in_progress', 'forward'), '403');
  });
});
