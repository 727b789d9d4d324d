// The dashboards' breakdowns over real HTTP: four dossiers with known outcomes at the commune in March 2026 (one
// resolved early, one late, one open past its deadline, one waiting for a supplement), the figures by agency, by
// procedure and by month computed by hand, the late dossiers behind them, the viewer's scope and bad input.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Phạm Văn Bảng Điều Khiển', phone: '0912000444', idNumber: '001099000444' };
const MARCH = 'from=2026-03-01&to=2026-04-01';

describe('GET /api/indicators/by-agency, by-procedure, trend, late-dossiers', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 02/03/2026 09:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());
  const ids: Record<'early' | 'late' | 'overdue' | 'paused', string> = {
    early: '',
    late: '',
    overdue: '',
    paused: '',
  };

  before(async () => {
    life = await setupLifecycle(clock);
    const desk = await life.login('demo.desk');
    const citizen = await life.login('demo.citizen');
    const walkIn = () => life.walkIn(APPLICANT);
    const finish = (dossier: { id: string; version: number }) => life.resolve(dossier, '9/QĐ-UBND');
    // Three at the desk on 02/03 09:00 (due 09/03 09:00); one online, received at 10:00 and asked for a supplement.
    const early = await walkIn();
    const late = await walkIn();
    const overdue = await walkIn();
    let paused = (
      await citizen.post('/api/dossiers', {
        requestId: randomUUID(),
        procedureId: life.procedureId,
        channel: 'online',
        receivingAgencyId: life.commune,
        applicant: APPLICANT,
      })
    ).body;
    at('2026-03-02T10:00');
    paused = (await life.act(desk, paused, 'receive')).body;
    assert.equal(paused.status, 'received', JSON.stringify(paused));
    assert.equal(
      (await life.act(desk, paused, 'request_supplement', { missing: ['Bản sao CCCD'] })).status,
      200,
    );
    at('2026-03-03T10:00');
    await finish(early);
    at('2026-03-10T10:00');
    await finish(late);
    Object.assign(ids, { early: early.id, late: late.id, overdue: overdue.id, paused: paused.id });
    at('2026-04-15T10:00');
  });
  after(() => life.close());

  it('ranks the agencies of the viewer with their figures, computed by hand', async () => {
    const res = await (await life.login('demo.leader')).get(`/api/indicators/by-agency?${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.asOf, '2026-04-01');
    const commune = res.body.items.find((row: { agencyId: string }) => row.agencyId === life.commune);
    assert.ok(commune, 'the commune is listed');
    assert.match(commune.name, /Ba Đình/);
    assert.deepEqual(commune.form, {
      received: { total: 4, online: 1, inPersonOrPost: 3, carriedOver: 0 },
      resolved: { total: 2, early: 1, onTime: 0, late: 1 },
      pending: { total: 2, withinDeadline: 1, overdue: 1 },
    });
    // Index: early on time, late late; open: the overdue one late, the paused one (asked before its date) on time ⇒ 2 of 4.
    assert.deepEqual(commune.onTime, { numerator: 2, denominator: 4, rate: 50, points: 10, maxPoints: 20 });
    assert.equal(commune.onlineShare, 25);
    // Ranked: rates descending, N/A last.
    const rates = res.body.items.map((row: { onTime: { rate: number | null } }) => row.onTime.rate);
    const measured = rates.filter((r: number | null) => r !== null);
    assert.deepEqual(
      measured,
      [...measured].sort((a: number, b: number) => b - a),
    );
    assert.deepEqual(
      rates.slice(measured.length),
      rates.filter((r: number | null) => r === null),
    );
    // A province administrator sees every agency with a figure: here the commune alone.
    const all = await (await life.login('demo.admin')).get(`/api/indicators/by-agency?${MARCH}`);
    assert.deepEqual(
      all.body.items.map((row: { agencyId: string }) => row.agencyId),
      [life.commune],
    );
  });

  it('breaks one agency down by procedure', async () => {
    const res = await (
      await life.login('demo.leader')
    ).get(`/api/indicators/by-procedure?agencyId=${life.commune}&${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items.length, 1);
    const [row] = res.body.items;
    assert.equal(row.procedureId, life.procedureId);
    assert.equal(row.code, '1.002211');
    assert.match(row.name, /hòa giải viên/);
    assert.equal(row.form.resolved.late, 1);
    assert.equal(row.onTime.rate, 50);
  });

  it('gives one point per month up to the report instant', async () => {
    const res = await (
      await life.login('demo.leader')
    ).get(`/api/indicators/trend?agencyId=${life.commune}&from=2026-01-01&to=2027-01-01`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.asOf, '2026-04-15');
    assert.deepEqual(
      res.body.points.map((p: { month: string; from: string; to: string }) => [p.month, p.from, p.to]),
      [
        ['2026-01', '2026-01-01', '2026-02-01'],
        ['2026-02', '2026-02-01', '2026-03-01'],
        ['2026-03', '2026-03-01', '2026-04-01'],
        ['2026-04', '2026-04-01', '2026-04-15'],
      ],
    );
    const [jan, , mar, apr] = res.body.points;
    assert.deepEqual(
      {
        received: jan.received,
        resolved: jan.resolved,
        onTimeRate: jan.onTimeRate,
        onlineShare: jan.onlineShare,
      },
      { received: 0, resolved: 0, onTimeRate: null, onlineShare: null },
    );
    assert.deepEqual(
      {
        received: mar.received,
        resolved: mar.resolved,
        late: mar.late,
        onTimeRate: mar.onTimeRate,
        onlineShare: mar.onlineShare,
      },
      { received: 4, resolved: 2, late: 1, onTimeRate: 50, onlineShare: 25 },
    );
    // April: nothing new; the two open dossiers carried over (one late for the index) ⇒ 1 of 2.
    assert.deepEqual(
      { received: apr.received, resolved: apr.resolved, onTimeRate: apr.onTimeRate },
      { received: 0, resolved: 0, onTimeRate: 50 },
    );
    // The trend of the whole scope equals the commune's here (its only figures).
    const scope = await (
      await life.login('demo.leader')
    ).get('/api/indicators/trend?from=2026-03-01&to=2026-04-01');
    assert.equal(scope.body.points[0].received, 4);
  });

  it('lists the late dossiers behind the figures: resolved late, and open past the deadline', async () => {
    const leader = await life.login('demo.leader');
    const res = await leader.get(`/api/indicators/late-dossiers?agencyId=${life.commune}&${MARCH}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.total, 2);
    const byId = new Map(res.body.items.map((d: { id: string }) => [d.id, d]));
    assert.deepEqual([...byId.keys()].sort(), [ids.late, ids.overdue].sort());
    const late = byId.get(ids.late) as Record<string, unknown>;
    assert.equal(late.kind, 'resolved_late');
    assert.equal(late.status, 'result_ready');
    assert.equal(late.finishedAt, '2026-03-10T03:00:00.000Z');
    assert.equal(late.dueAt, '2026-03-09T02:00:00.000Z');
    assert.match(String(late.code), /\S/);
    assert.deepEqual((late.procedure as { id: string }).id, life.procedureId);
    assert.equal((byId.get(ids.overdue) as Record<string, unknown>).kind, 'open_overdue');
    assert.doesNotMatch(JSON.stringify(res.body), /Phạm Văn|0912000444/);
    const limited = await leader.get(
      `/api/indicators/late-dossiers?agencyId=${life.commune}&procedureId=${life.procedureId}&${MARCH}&limit=1`,
    );
    assert.deepEqual([limited.body.total, limited.body.items.length], [2, 1]);
    // February: none yet; April: the overdue one is still open and overdue, the late one was resolved in March.
    assert.equal(
      (
        await leader.get(
          `/api/indicators/late-dossiers?agencyId=${life.commune}&from=2026-02-01&to=2026-03-01`,
        )
      ).body.total,
      0,
    );
    const april = await leader.get(
      `/api/indicators/late-dossiers?agencyId=${life.commune}&from=2026-04-01&to=2026-05-01`,
    );
    assert.deepEqual(
      april.body.items.map((d: { id: string }) => d.id),
      [ids.overdue],
    );
    // The province administrator sees the same dossiers.
    assert.equal(
      (
        await (
          await life.login('demo.admin')
        ).get(`/api/indicators/late-dossiers?agencyId=${life.commune}&${MARCH}`)
      ).body.total,
      2,
    );
  });

  it('keeps officers to their agencies and citizens out, and names the wrong field', async () => {
    const admin = await life.login('demo.admin');
    const other = (await admin.get('/api/agencies?unit=00007')).body.items[0]?.id ?? randomUUID();
    const leader = await life.login('demo.leader');
    for (const path of [
      `by-procedure?agencyId=${other}&${MARCH}`,
      `trend?agencyId=${other}&${MARCH}`,
      `late-dossiers?agencyId=${other}&${MARCH}`,
    ]) {
      const res = await leader.get(`/api/indicators/${path}`);
      assert.equal(res.status, 403, path);
      assert.equal(res.body.error.details.rule, 'agency_scope', path);
    }
    const citizen = await life.login('demo.citizen');
    assert.equal((await citizen.get(`/api/indicators/by-agency?${MARCH}`)).status, 403);
    const backwards = await leader.get('/api/indicators/by-agency?from=2026-03-10&to=2026-03-01');
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.error.details.issues[0].path, 'query.to');
    const impossible = await leader.get('/api/indicators/trend?from=2026-02-30&to=2026-04-01');
    assert.deepEqual(
      [
        impossible.status,
        impossible.body.error.details.issues[0].path,
        impossible.body.error.details.issues[0].rule,
      ],
      [400, 'query.from', 'date'],
    );
    const tooLong = await leader.get('/api/indicators/by-agency?from=2025-01-01&to=2026-04-01');
    assert.equal(tooLong.body.error.details.issues[0].rule, 'max_period');
    const noAgency = await leader.get(`/api/indicators/by-procedure?${MARCH}`);
    assert.equal(noAgency.status, 400);
    assert.match(JSON.stringify(noAgency.body.error.details), /agencyId/);
    const badLimit = await leader.get(
      `/api/indicators/late-dossiers?agencyId=${life.commune}&${MARCH}&limit=0`,
    );
    assert.equal(badLimit.status, 400);
    assert.match(JSON.stringify(badLimit.body.error.details), /limit/);
  });
});
