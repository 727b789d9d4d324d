import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import { TestClient } from '../../testing/http-client.ts';

describe('public results per agency', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 09:00 in Hanoi
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  before(async () => {
    fx = await setupLifecycle(clock);
  });
  after(() => fx.close());

  const file = () => fx.walkIn({ name: 'Người nộp thử nghiệm', phone: '0912000555' });
  const finish = (dossier: { id: string; version: number }) => fx.resolve(dossier, 'KQ-01');

  it('counts accepted dossiers of the year by result against the legal deadline, from the aggregates, without sign-in or personal data', async () => {
    const early = await file();
    const onTime = await file();
    const late = await file();
    await file(); // stays open
    const citizen = await fx.login('demo.citizen');
    const online = await citizen.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: fx.procedureId,
      channel: 'online',
      receivingAgencyId: fx.commune,
      applicant: { name: 'Người nộp trực tuyến', phone: '0912000666' },
    });
    assert.equal((await fx.act(await fx.login('demo.desk'), online.body, 'refuse_intake', { reasons: ['Không thuộc thẩm quyền'] })).status, 200);

    await finish(early); // the same day, days before the appointment
    const due = new Date(onTime.dueAt).getTime();
    clock.set(new Date(due - 30 * 60_000).toISOString());
    await finish(onTime); // on the appointment day, before its hour
    clock.set(new Date(due + 24 * 3_600_000).toISOString());
    await finish(late);
    clock.set('2027-01-05T02:00:00Z');
    await file(); // received in 2027: not in 2026's figures
    clock.set('2027-01-06T02:00:00Z'); // a running year is counted up to the start of today (docs/INDICATORS.md)

    const visitor = new TestClient(fx.server.url);
    const response = await visitor.get('/api/public/agency-results?year=2026');
    assert.equal(response.status, 200);
    assert.equal(response.body.items.length, 1);
    const [row] = response.body.items;
    assert.equal(row.agency.id, fx.commune);
    assert.deepEqual(
      { received: row.received, finished: row.finished, early: row.early, onTime: row.onTime, late: row.late, open: row.open, overdue: row.overdue, onTimeRate: row.onTimeRate },
      { received: 4, finished: 3, early: 1, onTime: 1, late: 1, open: 1, overdue: 1, onTimeRate: 66.7 },
    );
    assert.doesNotMatch(JSON.stringify(response.body), /Người nộp|0912/);
    assert.equal((await visitor.get('/api/public/agency-results?year=2027')).body.items[0].received, 1);
    assert.deepEqual((await visitor.get('/api/public/agency-results?year=2024')).body.items, []);
  });

  it('defaults to the current year in Vietnam and refuses an impossible one, naming the field', async () => {
    const visitor = new TestClient(fx.server.url);
    clock.set('2026-12-31T17:30:00Z'); // already 1 January 2027 in Hanoi
    assert.equal((await visitor.get('/api/public/agency-results')).body.year, 2027);
    for (const query of ['?year=12', '?year=abc']) {
      const response = await visitor.get(`/api/public/agency-results${query}`);
      assert.equal(response.status, 400, query);
      assert.match(JSON.stringify(response.body.error.details), /year/);
    }
  });
});
