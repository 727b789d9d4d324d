import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { JOBS, startJobs } from '../../jobs/jobs.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import { closeUnsupplementedDossiers } from './close-unsupplemented.ts';

describe('closing unsupplemented dossiers (scheduled job)', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z');
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  before(async () => {
    fx = await setupLifecycle(clock);
  });
  after(() => fx.close());

  const awaitingSupplement = async () => {
    const desk = await fx.login('demo.desk');
    const dossier = (
      await desk.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'in_person', receivingAgencyId: fx.commune, applicant: { name: 'Người nộp thử nghiệm', phone: '0912000555' } })
    ).body;
    return (await fx.act(desk, dossier, 'request_supplement', { missing: ['Giấy tờ còn thiếu'] })).body;
  };

  it('closes a dossier 15 days after the supplement request, once, and not earlier', async () => {
    const dossier = await awaitingSupplement();
    clock.set('2026-03-16T02:00:00Z');
    assert.equal(await closeUnsupplementedDossiers(fx.ctx.deps), 0, 'day 14: not yet');
    clock.set('2026-03-17T02:00:00Z');
    assert.equal(await closeUnsupplementedDossiers(fx.ctx.deps), 1);
    assert.equal(await closeUnsupplementedDossiers(fx.ctx.deps), 0, 'a second run changes nothing');
    const desk = await fx.login('demo.desk');
    const closed = (await desk.get(`/api/dossiers/${dossier.id}`)).body;
    assert.equal(closed.status, 'stopped');
    assert.equal(closed.nationalStatus, 8);
    assert.deepEqual(closed.timeline.map((a: { type: string; actorRole: string }) => `${a.type}:${a.actorRole}`).slice(-1), ['close_unsupplemented:system']);
    clock.set('2026-03-02T02:00:00Z');
  });

  it('runs as a pg-boss job on this engine', async () => {
    const dossier = await awaitingSupplement();
    clock.set('2026-03-20T02:00:00Z');
    const jobs = await startJobs(fx.ctx.deps, { pollingIntervalSeconds: 0.5 });
    try {
      await jobs.boss.send(JOBS.closeUnsupplemented, {});
      const desk = await fx.login('demo.desk');
      let status = '';
      for (let i = 0; i < 40 && status !== 'stopped'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await desk.get(`/api/dossiers/${dossier.id}`)).body.status;
      }
      assert.equal(status, 'stopped');
    } finally {
      await jobs.stop();
      clock.set('2026-03-02T02:00:00Z');
    }
  });
});
