// Incremental aggregates = full rebuild: seeded random lifecycles over real HTTP (desk and postal intakes, online
// filings, supplements, payments, extensions, withdrawals, refusals, results and corrections), then the rows kept
// up action by action must equal the rows recomputed from dossiers and actions, and the rebuild must write them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { after, before, describe, it } from 'node:test';
import { ALLOWED_ACTIONS, type ActionType } from '../../../shared/dossiers/actions.ts';
import type { DossierStatus } from '../../../shared/dossiers/statuses.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import type { TestClient } from '../../testing/http-client.ts';
import { fixedClock } from '../../testing/test-deps.ts';
import { dayFromIso, instantAt, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import { countFacts, countsFromDayRows, dossierFacts } from '../../../shared/indicators/facts.ts';
import { dossierTimeline, type DossierTimeline } from '../../../shared/indicators/timeline.ts';
import { queryRows } from '../../db/client.ts';
import { rowFacts } from './day-counts.ts';
import { computeDayCounts, eachCountedDossier, monthRowsOffTheirDays, rebuildDayCounts, storedDayCounts } from './rebuild.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Trần Văn Chỉ Số', phone: '0912000222', idNumber: '001099000222' };
const HOUR = 3_600_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS: Partial<Record<ActionType, number>> = {
  receive: 6, refuse_intake: 0.3, assign: 2, forward: 4, request_supplement: 1.5, submit_supplement: 2, close_unsupplemented: 0.5,
  request_payment: 0.6, record_payment: 2, withdraw: 0.4, refuse: 0.2, stop: 0.2, extend: 0.6, approve: 3, issue_result: 3, return_result: 2, correct_result: 0.3,
};

const sorted = (rows: Map<string, unknown>) => [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('indicator aggregates', () => {
  const clock = fixedClock('2026-03-02T01:00:00Z'); // Monday 08:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  before(async () => {
    life = await setupLifecycle(clock);
    // A full-process online service, so that the full-process measures are exercised too.
    await life.ctx.deps.db.execute(sql`UPDATE procedure_versions SET online_level = 'full' WHERE id = (SELECT current_version_id FROM procedures WHERE id = ${life.procedureId})`);
  });
  after(() => life.close());

  it('kept up action by action equal the full rebuild over seeded random lifecycles', async () => {
    const random = mulberry32(766);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    // Sessions last 7 days of the fixed clock: everyone signs in again every 5 simulated days.
    const USERS: Record<string, string> = { desk: 'demo.desk', system: 'demo.desk', handler: 'demo.handler', leader: 'demo.leader', clerk: 'demo.clerk', citizen: 'demo.citizen' };
    const clients: Record<string, TestClient> = {};
    let signedInAt = -Infinity;
    const signIn = async () => {
      if (clock.now().getTime() - signedInAt < 5 * 24 * HOUR) return;
      for (const [role, username] of Object.entries(USERS)) clients[role] = await life.login(username);
      signedInAt = clock.now().getTime();
    };
    await signIn();
    const handlerId = (await clients.handler!.get('/api/auth/me')).body.id as string;
    const fieldsFor = (type: ActionType, dossier: { dueAt: string | null }): Record<string, unknown> => {
      switch (type) {
        case 'refuse_intake': case 'refuse': case 'stop': return { reasons: ['Không đủ điều kiện (thử nghiệm)'] };
        case 'assign': return { assigneeId: handlerId };
        case 'request_supplement': return { missing: ['Bản sao giấy tờ (thử nghiệm)'] };
        case 'request_payment': return { amountVnd: 50_000, description: 'Lệ phí (thử nghiệm)' };
        case 'withdraw': return { reason: 'Không còn nhu cầu (thử nghiệm)' };
        case 'extend': return { reason: 'Cần xác minh (thử nghiệm)', newDueAt: new Date(Date.parse(dossier.dueAt ?? clock.now().toISOString()) + 5 * 24 * HOUR).toISOString() };
        case 'issue_result': return { resultNumber: `${Math.floor(random() * 1000)}/QĐ-UBND` };
        case 'return_result': return { method: 'in_person' };
        case 'record_payment': return { method: pick(['Thanh toán trực tuyến', 'online', 'Tiền mặt', 'chuyển khoản']), receiptNumber: 'BL-1' };
        case 'correct_result': return { reason: 'Sai họ tên (thử nghiệm)' };
        default: return {};
      }
    };

    type Open = { id: string; version: number; status: DossierStatus; dueAt: string | null };
    const active: Open[] = [];
    const done = new Map<string, number>();
    let created = 0;
    for (let round = 0; round < 70; round += 1) {
      clock.set(new Date(clock.now().getTime() + Math.floor(random() * 20 * HOUR)).toISOString());
      await signIn();
      if (round < 36) {
        for (let n = 1 + Math.floor(random() * 2); n > 0; n -= 1) {
          const channel = pick(['in_person', 'post', 'online', 'online'] as const);
          const client = channel === 'online' ? clients.citizen! : clients.desk!;
          // Some with an uploaded file (digitised), some with a fee (fee-bearing).
          const file = random() < 0.4 ? await client.upload('/api/files', { name: 'To-khai.pdf', content: PDF, type: 'application/pdf' }) : null;
          const res = await client.post('/api/dossiers', {
            requestId: randomUUID(), procedureId: life.procedureId, channel, receivingAgencyId: life.commune, applicant: APPLICANT,
            components: [{ name: 'Tờ khai', provided: true, ...(file ? { fileIds: [file.body.id] } : {}) }],
            feeLines: random() < 0.5 ? [{ name: 'Lệ phí', amountVnd: 50_000 }] : [{ name: 'Miễn phí', amountVnd: 0 }],
            ...(channel === 'post' ? { postal: { waybillNumber: `EV${created}VN` } } : {}),
          });
          assert.equal(res.status, 201, JSON.stringify(res.body));
          active.push(res.body);
          created += 1;
        }
      }
      for (const dossier of [...active]) {
        if (random() < 0.4) continue;
        const rules = ALLOWED_ACTIONS[dossier.status].filter((r) => (WEIGHTS[r.type] ?? 0) > 0);
        if (rules.length === 0) {
          active.splice(active.indexOf(dossier), 1);
          continue;
        }
        let x = random() * rules.reduce((s, r) => s + (WEIGHTS[r.type] as number), 0);
        const rule = rules.find((r) => (x -= WEIGHTS[r.type] as number) < 0) ?? rules[0]!;
        for (const role of rule.roles) {
          const client = clients[role];
          if (!client) continue;
          const res = await life.act(client, dossier, rule.type, fieldsFor(rule.type, dossier));
          if (res.status !== 200) continue;
          Object.assign(dossier, { version: res.body.version, status: res.body.status, dueAt: res.body.dueAt });
          done.set(rule.type, (done.get(rule.type) ?? 0) + 1);
          break;
        }
      }
    }
    // The lifecycles covered what the aggregates must follow.
    for (const type of ['receive', 'request_supplement', 'submit_supplement', 'withdraw', 'extend', 'issue_result', 'record_payment'] as const) {
      assert.ok((done.get(type) ?? 0) > 0, `no ${type} in the random lifecycles: ${JSON.stringify([...done])}`);
    }

    const db = life.ctx.deps.db;
    const stored = await storedDayCounts(db);
    const recomputed = await computeDayCounts(db);
    const receivedRows = [...stored.values()].filter((r) => r.measure.startsWith('received_')).reduce((s, r) => s + r.value, 0);
    assert.ok(receivedRows > 20, `only ${receivedRows} received of ${created}`);
    assert.deepEqual(sorted(stored), sorted(recomputed));
    // The month rows kept in the same statements are the sums of their day rows.
    assert.ok((await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM indicator_month_counts`))[0]!.n > 0);
    assert.deepEqual(await monthRowsOffTheirDays(db), []);
    // The 766 index measures were exercised too.
    for (const measure of ['fee_bearing', 'paid_online', 'digitised', 'result_issued', 'full_process', 'full_process_online'] as const) {
      assert.ok([...stored.values()].some((r) => r.measure === measure && r.value > 0), `no ${measure} rows`);
    }

    // The rebuild recounts everything and finds nothing to repair: the incremental upkeep was exact.
    const rebuilt = await rebuildDayCounts(db);
    assert.deepEqual({ ...rebuilt, pairs: 0 }, { rows: recomputed.size, mode: 'compared', pairs: 0, pairsRepaired: 0, rowsWritten: 0, agenciesRepaired: 0 });
    assert.ok(rebuilt.pairs > 0);
    assert.deepEqual(sorted(await storedDayCounts(db)), sorted(recomputed));
    assert.deepEqual(await monthRowsOffTheirDays(db), []);

    // Sums over days (what GET /api/indicators reads) = the per-dossier facts at the same day boundaries.
    const timelines: DossierTimeline[] = [];
    await eachCountedDossier(db, (d, log, calendar) => timelines.push(dossierTimeline(calendar, rowFacts(d), log)));
    const rows = [...stored.values()];
    const first = dayFromIso('2026-03-02');
    for (let fromDay = first; fromDay < first + 60; fromDay += 7) {
      for (const length of [1, 7, 31]) {
        const period = { from: instantAt(fromDay, 0), to: instantAt(fromDay + length, 0) };
        assert.deepEqual(countsFromDayRows(rows, fromDay, fromDay + length), countFacts(timelines.map((t) => dossierFacts(t, period))), `${isoFromDay(fromDay)} + ${length}`);
      }
    }
  });
});
