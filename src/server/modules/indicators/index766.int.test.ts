// The 766 index of GET /api/indicators over real HTTP, on three dossiers at the commune in March 2026 with the
// figures computed by hand; and the province's settings (GET/PUT /api/indicator-settings): who may change them,
// their checks, the stale version, and the index following them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { TestClient } from '../../testing/http-client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Phạm Thị Chỉ Số', phone: '0912000766', idNumber: '001099000766' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const MARCH = '/api/indicators?from=2026-03-01&to=2026-03-12';

type Sub = { id: string; numerator: number | null; denominator: number | null; rate: number | null; points: number | null; gap: string | null };
const subOf = (body: { index766: { groups: { subIndicators: Sub[] }[] } }, id: string) => body.index766.groups.flatMap((g) => g.subIndicators).find((s) => s.id === id);
const brief = (s: Sub | undefined) => (s ? [s.numerator, s.denominator, s.rate, s.points, s.gap] : undefined);

describe('the 766 index over HTTP', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 02/03/2026 09:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  let leader: TestClient;
  let admin: TestClient;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());

  before(async () => {
    life = await setupLifecycle(clock);
    // The procedure's current version offers a full-process online service (the full-process component).
    await life.ctx.deps.db.execute(sql`UPDATE procedure_versions SET online_level = 'full' WHERE id = (SELECT current_version_id FROM procedures WHERE id = ${life.procedureId})`);
    const [desk, citizen, handler, clerk] = [await life.login('demo.desk'), await life.login('demo.citizen'), await life.login('demo.handler'), await life.login('demo.clerk')];
    leader = await life.login('demo.leader');
    const handlerId = (await handler.get('/api/auth/me')).body.id;
    const step = async (client: TestClient, dossier: { id: string; version: number }, type: string, fields: Record<string, unknown> = {}) => {
      const res = await life.act(client, dossier, type, fields);
      assert.equal(res.status, 200, `${type}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const toApproval = async (d: { id: string; version: number }) => {
      d = await step(desk, d, 'forward');
      return step(leader, d, 'assign', { assigneeId: handlerId });
    };
    // A: online with an uploaded component and a fee, paid online; its result issued with a file (e-result).
    const file = (await citizen.upload('/api/files', { name: 'To-khai.pdf', content: PDF, type: 'application/pdf' })).body.id;
    const base = { procedureId: life.procedureId, receivingAgencyId: life.commune, applicant: APPLICANT };
    let a = (await citizen.post('/api/dossiers', { requestId: randomUUID(), ...base, channel: 'online', components: [{ name: 'Tờ khai', provided: true, fileIds: [file] }], feeLines: [{ name: 'Lệ phí', amountVnd: 20_000 }] })).body;
    // B: online, no file, no fee; a plain result; the citizen dislikes it. C: at the desk, left open past its deadline.
    let b = (await citizen.post('/api/dossiers', { requestId: randomUUID(), ...base, channel: 'online', feeLines: [{ name: 'Lệ phí', amountVnd: 0 }] })).body;
    await desk.post('/api/dossiers', { requestId: randomUUID(), ...base, channel: 'in_person', components: [{ name: 'Tờ khai', provided: true }] });
    at('2026-03-02T10:00');
    a = await step(desk, a, 'receive');
    b = await step(desk, b, 'receive');
    at('2026-03-03T10:00');
    a = await toApproval(a);
    a = await step(handler, a, 'request_payment', { amountVnd: 20_000, description: 'Lệ phí' });
    a = await step(desk, a, 'record_payment', { method: 'Thanh toán trực tuyến (DVCQG)', receiptNumber: 'BL-766' });
    b = await toApproval(b);
    a = await step(leader, await step(handler, a, 'forward'), 'approve');
    b = await step(leader, await step(handler, b, 'forward'), 'approve');
    const resultFile = (await clerk.upload('/api/files', { name: 'Ket-qua.pdf', content: PDF, type: 'application/pdf' })).body.id;
    a = await step(clerk, a, 'issue_result', { resultNumber: '1/QĐ-UBND', resultFileIds: [resultFile] });
    b = await step(clerk, b, 'issue_result', { resultNumber: '2/QĐ-UBND' });
    assert.equal((await citizen.post(`/api/dossiers/${a.id}/rating`, { score: 5 })).status, 201);
    assert.equal((await citizen.post(`/api/dossiers/${b.id}/rating`, { score: 1 })).status, 201);
    at('2026-03-20T10:00');
    // Sessions last seven days: sign in again at the report date.
    leader = await life.login('demo.leader');
    admin = await life.login('demo.admin');
  });
  after(() => life.close());

  it('scores the dossier-side sub-indicators as computed by hand', async () => {
    const res = await leader.get(MARCH);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const s = (id: string) => brief(subOf(res.body, id));
    // A and B early, C open past 09/03 09:00 ⇒ 2 of 3 ⇒ 66.67 % × 20.
    assert.deepEqual(s('2.1'), [2, 3, 66.67, 13.33, null]);
    assert.deepEqual(s('full_process'), [2, 3, 66.67, 2, null], 'A and B online of three under a full-process version');
    assert.deepEqual(s('3.3'), [2, 3, 66.67, 3, null], 'above T = 50 %');
    assert.deepEqual(s('3.6'), [1, 1, 100, 6, null], 'A, the only fee-bearing one, paid online');
    assert.deepEqual(s('4.1'), [1, 2, 50, 3, null], 'A of the two results has a file');
    assert.deepEqual(s('4.2'), [1, 3, 33.33, 1.67, null], 'below T = 80 %: 33.33 % × 4 ÷ 0.8');
    // 100 % − (1 late of 3 + 1 dislike of 3) = 33.33 %, below T = 90 %: × 6 ÷ 0.9.
    assert.deepEqual(s('5.4'), [1, 3, 33.33, 2.22, null]);
    // Ratings 5 (A) and 1 (B): one of two at or above 4 ⇒ 50 %, average (5 + 1) ÷ 2 = 3.
    assert.deepEqual(res.body.satisfaction, { ratings: 2, satisfied: 1, share: 50, averageScore: 3 });
    for (const id of ['1.1', '1.2', '1.4', '3.5', '5.2', '5.3']) assert.equal(subOf(res.body, id)?.gap, 'no_source', id);
    assert.equal(res.body.index766.maxPoints, 100);
  });

  it('reads the catalogue figures for the agencies asked for', async () => {
    const res = await leader.get(`${MARCH}&agencyId=${life.commune}`);
    const [expected] = await queryRows<{ total: number; online: number }>(
      life.ctx.deps.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE v.online_level IS NOT NULL)::int AS online
            FROM agency_procedures ap JOIN procedures p ON p.id = ap.procedure_id JOIN procedure_versions v ON v.id = p.current_version_id
           WHERE ap.agency_id = ${life.commune}`,
    );
    assert.ok(expected && expected.total > 0);
    const s31 = subOf(res.body, '3.1');
    assert.deepEqual([s31?.numerator, s31?.denominator], [expected.online, expected.total]);
    // Only 1.002211 had online dossiers in March; it is free, so no fee-bearing procedure was paid online.
    assert.deepEqual([subOf(res.body, '3.2')?.numerator, subOf(res.body, '3.2')?.denominator], [1, expected.online]);
    assert.equal(subOf(res.body, '3.5b')?.numerator, 0);
    // "Used" is read for the period and the agencies asked for: nothing was filed in February, and the department
    // (given the same procedure here) had no online dossier of it.
    const february = await leader.get(`/api/indicators?from=2026-02-01&to=2026-03-01&agencyId=${life.commune}`);
    assert.equal(subOf(february.body, '3.2')?.numerator, 0);
    const [department] = await queryRows<{ id: string }>(life.ctx.deps.db, sql`SELECT id FROM agencies WHERE seed_key = '01:so:tu-phap'`);
    await life.ctx.deps.db.execute(
      sql`INSERT INTO agency_procedures (agency_id, procedure_id, role) VALUES (${department!.id}, ${life.procedureId}, 'competent') ON CONFLICT DO NOTHING`,
    );
    const atDepartment = await leader.get(`${MARCH}&agencyId=${department!.id}`);
    assert.equal(atDepartment.status, 200);
    assert.equal(subOf(atDepartment.body, '3.2')?.numerator, 0);
    assert.ok((subOf(atDepartment.body, '3.2')?.denominator ?? 0) >= 1);
    assert.equal(subOf(res.body, '1.3')?.denominator, expected.total);
    const measured = res.body.index766.groups.flatMap((g: { subIndicators: Sub[] }) => g.subIndicators).filter((x: Sub) => x.gap === null && x.id !== '2.2');
    const points = measured.reduce((sum: number, x: Sub) => sum + (x.points ?? 0), 0);
    assert.ok(Math.abs(res.body.index766.points - points) < 0.011, 'the total is the sum of the measured points');
  });

  it('lets officers read the province settings and only the province administrator change them', async () => {
    const read = await leader.get('/api/indicator-settings');
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.provinceCode, '01');
    assert.equal(read.body.version, 0);
    assert.deepEqual(read.body.groupSums, { transparency: 18, timeliness: 20, online_service: 12, online_payment: 10, digitisation: 22, satisfaction: 18 });
    const change = { version: 0, settings: { subIndicators: { '4.2': { threshold: 0.25 }, '5.4': { enabled: false } }, bands: { fair: 60 } } };
    const denied = await leader.request('PUT', '/api/indicator-settings', change);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.details.rule, 'province_admin_only');
    const bad = await admin.request('PUT', '/api/indicator-settings', { version: 0, settings: { subIndicators: { '3.1': { threshold: 1.5, points: -2 } } } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]), [
      ['body.settings.subIndicators.3.1.points', 'min_0'],
      ['body.settings.subIndicators.3.1.threshold', 'range_0_1'],
    ]);
    const scores = await admin.request('PUT', '/api/indicator-settings', { version: 0, settings: { dislikeMaxScore: 3, satisfiedMinScore: 3 } });
    assert.equal(scores.status, 400);
    assert.deepEqual(scores.body.error.details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]), [['body.settings.satisfiedMinScore', 'above_dislike']]);
    // Two first saves at once (on PostgreSQL both may find no row and race to insert): one wins, the other is told to reload.
    const both = await Promise.all([admin.request('PUT', '/api/indicator-settings', change), admin.request('PUT', '/api/indicator-settings', change)]);
    const saved = both.find((r) => r.status === 200)!;
    const lost = both.find((r) => r.status !== 200)!;
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409], JSON.stringify(both.map((r) => r.body)));
    assert.deepEqual([lost.body.error.details.rule, lost.body.error.details.currentVersion], ['stale_version', 1]);
    assert.equal(saved.body.version, 1);
    assert.equal(saved.body.groupSums.satisfaction, 12);
    assert.equal(saved.body.totalPoints, 94);
    const stale = await admin.request('PUT', '/api/indicator-settings', change);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.currentVersion, 1);

    // The index follows the province's settings.
    const res = await leader.get(MARCH);
    assert.deepEqual(brief(subOf(res.body, '4.2')), [1, 3, 33.33, 4, null], 'at or above T = 25 %: full points');
    assert.equal(subOf(res.body, '5.4'), undefined);
    assert.equal(res.body.index766.maxPoints, 94);
    assert.equal((await (await life.login('demo.citizen')).get('/api/indicator-settings')).status, 403);
  });
});
