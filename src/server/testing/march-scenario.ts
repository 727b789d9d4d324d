// The small fixed data set of the indicator tests (indicators.int.test.ts, report-06a.int.test.ts): four dossiers at
// the commune in March 2026 whose figures are computed by hand. Monday 02/03 09:00: A and B at the desk, C by post
// (due 09/03 09:00); D online, received at 10:00 (due 09/03 10:00). B is asked for a supplement at 10:00 and never
// answers; A is withdrawn on 03/03 09:00; D goes through the default workflow and its result is issued on 04/03
// 10:00 (early). The clock is left on 20/03 10:00, so C is overdue.
import { randomUUID } from 'node:crypto';
import type { setupLifecycle } from './lifecycle-fixture.ts';

type Lifecycle = Awaited<ReturnType<typeof setupLifecycle>>;

export async function seedMarchScenario(
  life: Lifecycle,
  at: (local: string) => void,
  options: { applicant: { name: string; phone: string; idNumber?: string }; waybillNumber: string; resultNumber: string },
): Promise<void> {
  const desk = await life.login('demo.desk');
  const check = (what: string, response: { status: number; body: unknown }) => {
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number; status: string };
  };
  const a = await life.walkIn(options.applicant);
  const b = await life.walkIn(options.applicant);
  await life.walkIn(options.applicant, { channel: 'post', postal: { waybillNumber: options.waybillNumber } });
  const citizen = await life.login('demo.citizen');
  const online = check(
    'online filing',
    await citizen.post('/api/dossiers', { requestId: randomUUID(), procedureId: life.procedureId, channel: 'online', receivingAgencyId: life.commune, applicant: options.applicant }),
  );
  at('2026-03-02T10:00');
  const d = check('receive', await life.act(desk, online, 'receive'));
  check('request_supplement', await life.act(desk, b, 'request_supplement', { missing: ['Bản sao CCCD'] }));
  at('2026-03-03T09:00');
  check('withdraw', await life.act(desk, a, 'withdraw', { reason: 'Không còn nhu cầu' }));
  at('2026-03-04T10:00');
  const issued = await life.resolve(d, options.resultNumber);
  if ((issued as { status?: string }).status !== 'result_ready') throw new Error(`D not result_ready: ${JSON.stringify(issued)}`);
  at('2026-03-20T10:00');
}
