// The procedures by online level (GET /api/indicators/online-levels, GET /api/public/online-services) over real HTTP:
// five real procedures given to the demo commune and two of them to the demo department, their levels set by hand,
// the counts and shares computed by hand; the scope rules and errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { TestClient } from '../../testing/http-client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

type Counts = { procedures: number; old: Record<string, number>; level3or4Share: number | null; current: Record<string, number>; fullShare: number | null; onlineShare: number | null };
const brief = (c: Counts) => ({ procedures: c.procedures, old: c.old, level3or4Share: c.level3or4Share, current: c.current, fullShare: c.fullShare, onlineShare: c.onlineShare });

// P1 old 3 / full, P2 old 4 / partial, P3 old 2 / none, P4 none / none, P5 old 3 / partial.
const LEVELS: [number | null, 'full' | 'partial' | null][] = [
  [3, 'full'],
  [4, 'partial'],
  [2, null],
  [null, null],
  [3, 'partial'],
];
// The commune lists P1–P5: 5 procedures, levels 3–4 = 3 (60 %), full 1 (20 %), online 3 (60 %).
const COMMUNE = {
  procedures: 5,
  old: { level1: 0, level2: 1, level3: 2, level4: 1, unknown: 1 },
  level3or4Share: 60,
  current: { full: 1, partial: 2, notRecorded: 2 },
  fullShare: 20,
  onlineShare: 60,
};
// The department lists P1 and P4 as competent, P2 only as receiving (not counted): 2 procedures, 50 % everywhere.
const DEPARTMENT = {
  procedures: 2,
  old: { level1: 0, level2: 0, level3: 1, level4: 0, unknown: 1 },
  level3or4Share: 50,
  current: { full: 1, partial: 0, notRecorded: 1 },
  fullShare: 50,
  onlineShare: 50,
};

describe('procedures by online level', () => {
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  let leader: TestClient;
  let department: string;

  before(async () => {
    life = await setupLifecycle(fixedClock('2026-03-02T02:00:00Z'));
    const db = life.ctx.deps.db;
    const [dept] = await queryRows<{ id: string }>(db, sql`SELECT id FROM agencies WHERE seed_key = '01:so:tu-phap'`);
    department = dept!.id;
    const picked = await queryRows<{ id: string; version: string }>(
      db,
      sql`SELECT id, current_version_id AS version FROM procedures WHERE current_version_id IS NOT NULL ORDER BY national_code LIMIT 5`,
    );
    assert.equal(picked.length, 5);
    for (const [i, p] of picked.entries()) {
      const [old, level] = LEVELS[i]!;
      await db.execute(sql`UPDATE procedure_versions SET online_level_old = ${old}, online_level = ${level} WHERE id = ${p.version}`);
    }
    const ids = picked.map((p) => p.id);
    await db.execute(sql`DELETE FROM agency_procedures WHERE agency_id IN (${life.commune}, ${department})`);
    for (const id of ids) await db.execute(sql`INSERT INTO agency_procedures (agency_id, procedure_id, role) VALUES (${life.commune}, ${id}, 'implementing')`);
    for (const [id, role] of [
      [ids[0], 'competent'],
      [ids[3], 'competent'],
      [ids[1], 'receiving'],
    ] as const) {
      await db.execute(sql`INSERT INTO agency_procedures (agency_id, procedure_id, role) VALUES (${department}, ${id}, ${role})`);
    }
    leader = await life.login('demo.leader');
  });

  after(async () => life?.close());

  it("counts an officer's agencies by level, each procedure once in the total", async () => {
    const res = await leader.get('/api/indicators/online-levels');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // P1 and P4 are listed by both agencies: the total counts them once, so it equals the commune's figures.
    assert.deepEqual(brief(res.body.total), COMMUNE);
    assert.deepEqual(
      res.body.byAgency.map((a: Counts & { agency: { id: string } }) => [a.agency.id, brief(a)]),
      [
        [life.commune, COMMUNE],
        [department, DEPARTMENT],
      ],
    );
  });

  it('narrows to one agency or to an administrative unit', async () => {
    const one = await leader.get(`/api/indicators/online-levels?agencyId=${department}`);
    assert.equal(one.status, 200);
    assert.deepEqual(brief(one.body.total), DEPARTMENT);
    // The demo leader leads the committee of phường Ba Đình (00004): the unit is theirs to see.
    const unit = await leader.get('/api/indicators/online-levels?unitCode=00004');
    assert.equal(unit.status, 200, JSON.stringify(unit.body));
    assert.deepEqual(brief(unit.body.byAgency.find((a: { agency: { id: string } }) => a.agency.id === life.commune)), COMMUNE);
    assert.equal(unit.body.byAgency.some((a: { agency: { id: string } }) => a.agency.id === department), false);
  });

  it('refuses what the viewer may not see, and bad queries', async () => {
    const [other] = await queryRows<{ id: string }>(life.ctx.deps.db, sql`SELECT id FROM agencies WHERE seed_key = '01:ubnd'`);
    const outside = await leader.get(`/api/indicators/online-levels?agencyId=${other!.id}`);
    assert.equal(outside.status, 403);
    assert.equal(outside.body.error.details.rule, 'agency_scope');
    const both = await leader.get(`/api/indicators/online-levels?agencyId=${department}&unitCode=00004`);
    assert.equal(both.status, 400);
    assert.equal(both.body.error.details.issues[0].path, 'query.unitCode');
    assert.equal(both.body.error.details.issues[0].rule, 'one_of');
    const citizen = await (await life.login('demo.citizen')).get('/api/indicators/online-levels');
    assert.equal(citizen.status, 403);
    assert.equal(citizen.body.error.details.rule, 'officers_only');
    assert.equal((await new TestClient(life.server.url).get('/api/indicators/online-levels')).status, 401);
  });

  it('publishes every agency’s figures without sign-in', async () => {
    const res = await new TestClient(life.server.url).get('/api/public/online-services');
    assert.equal(res.status, 200);
    const commune = res.body.byAgency.find((a: { agency: { id: string } }) => a.agency.id === life.commune);
    assert.deepEqual(brief(commune), COMMUNE);
    const total = res.body.total as Counts;
    // Every procedure of every agency once: both level splits add up to the total, which is at least the commune's.
    assert.ok(total.procedures >= COMMUNE.procedures);
    assert.equal(Object.values(total.old).reduce((s, n) => s + n, 0), total.procedures);
    assert.equal(Object.values(total.current).reduce((s, n) => s + n, 0), total.procedures);
    const [distinct] = await queryRows<{ n: number }>(
      life.ctx.deps.db,
      sql`SELECT count(DISTINCT procedure_id)::int AS n FROM agency_procedures WHERE role IN ('implementing', 'competent')`,
    );
    assert.equal(total.procedures, Number(distinct!.n));
  });
});
