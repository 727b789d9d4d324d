// A database with the real catalogue, Hanoi's agencies, the demo accounts and confirmed 2026–2029 calendars,
// behind a real HTTP server: the starting point of dossier tests.
import { randomUUID } from 'node:crypto';
import { seedDemoAccounts } from '../modules/accounts/seed-demo-accounts.ts';
import { seedAgencies } from '../modules/agencies/seed-agencies.ts';
import { confirmCalendarYear } from '../modules/calendars/confirm-calendar-year.ts';
import { importProcedures } from '../modules/procedures/import-procedures.ts';
import { importUnits } from '../modules/units/import-units.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../deps.ts';
import { TestClient } from './http-client.ts';
import { createTestContext, seedPath, startServer } from './test-deps.ts';

export async function setupLifecycle(clock: Clock, options: { config?: Partial<Config> } = {}) {
  const ctx = await createTestContext({ clock, ...options });
  await importUnits(ctx.deps.db, seedPath('admin-units'));
  await importProcedures(ctx.deps.db, seedPath('procedures', 'national-2026', 'procedures.jsonl'));
  await seedAgencies(ctx.deps.db, { provinceCode: '01', date: '2026-03-02', seedDir: seedPath() });
  await seedDemoAccounts(ctx.deps);
  for (const year of [2026, 2027, 2028, 2029]) await confirmCalendarYear(ctx.deps, { provinceCode: '01', year, actor: 'test', expectedRevision: 0 });
  const server = await startServer(ctx.deps);
  const login = async (username: string, password = 'motcua-demo') => {
    const client = new TestClient(server.url);
    await client.login(username, password);
    return client;
  };
  const desk = await login('demo.desk');
  const commune = (await desk.get('/api/agencies?unit=00004')).body.items[0].id as string;
  // 1.002211 "Thủ tục công nhận hòa giải viên (cấp xã)": 5 working days, a commune procedure.
  const procedureId = (await desk.get('/api/procedures?q=1.002211')).body.items[0].id as string;
  const act = (client: TestClient, dossier: { id: string; version: number }, type: string, fields: Record<string, unknown> = {}) =>
    client.post(`/api/dossiers/${dossier.id}/actions`, { type, requestId: randomUUID(), version: dossier.version, ...fields });
  /** A dossier filed at the commune's desk (in person, the procedure above, one component provided). */
  const walkIn = async (applicant: { name: string; phone: string; idNumber?: string }, fields: Record<string, unknown> = {}) => {
    const response = await (await login('demo.desk')).post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId,
      channel: 'in_person',
      receivingAgencyId: commune,
      applicant,
      components: [{ name: 'Tờ khai', provided: true }],
      ...fields,
    });
    if (response.status !== 201) throw new Error(`walk-in intake: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number; code: string; dueAt: string; status: string };
  };
  /** The default workflow from the desk to an issued result: forward, assign to demo.handler, forward, approve, issue. */
  const resolve = async (dossier: { id: string; version: number }, resultNumber: string) => {
    const handlerId = (await (await login('demo.handler')).get('/api/auth/me')).body.id as string;
    let d = dossier;
    for (const [user, type, fields] of [
      ['demo.desk', 'forward', {}],
      ['demo.leader', 'assign', { assigneeId: handlerId }],
      ['demo.handler', 'forward', {}],
      ['demo.leader', 'approve', {}],
      ['demo.clerk', 'issue_result', { resultNumber }],
    ] as const) {
      const response = await act(await login(user), d, type, fields);
      if (response.status !== 200) throw new Error(`${type}: ${response.status} ${JSON.stringify(response.body)}`);
      d = response.body;
    }
    return d;
  };
  return {
    ctx,
    server,
    login,
    commune,
    procedureId,
    act,
    walkIn,
    resolve,
    async close() {
      await server.stop();
      await ctx.close();
    },
  };
}
