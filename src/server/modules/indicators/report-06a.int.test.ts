// GET /api/reports/ii-06a over real HTTP: a few dossiers with known outcomes at the commune in March 2026 (the
// scenario of indicators.int.test.ts), the figures by hand; the .xlsx read back with exceljs and the .pdf through
// pdftotext; the viewer's scope (another agency's figures stay out of an officer's report) and bad input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { indicatorDayCounts } from '../../db/schema.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { seedMarchScenario } from '../../testing/march-scenario.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Trần Văn Biểu Mẫu', phone: '0912000444', idNumber: '001099000444' };
const URL = '/api/reports/ii-06a?from=2026-03-01&to=2026-03-12';
// The commune's row, by hand: A, B at the desk and C by post, D online; D early, A withdrawn (on time);
// B awaits its supplement (within deadline), C passed its deadline 09/03 09:00.
const COMMUNE = {
  received: { total: 4, online: 1, inPersonOrPost: 3, carriedOver: 0 },
  resolved: { total: 2, early: 1, onTime: 1, late: 0 },
  pending: { total: 2, withinDeadline: 1, overdue: 1 },
};
const ZERO = {
  received: { total: 0, online: 0, inPersonOrPost: 0, carriedOver: 0 },
  resolved: { total: 0, early: 0, onTime: 0, late: 0 },
  pending: { total: 0, withinDeadline: 0, overdue: 0 },
};
// The same figures in the form's column order (3)…(13).
const COMMUNE_FIGURES = [4, 1, 3, 0, 2, 1, 1, 0, 2, 1, 1];

describe('GET /api/reports/ii-06a', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 02/03/2026 09:00 in Vietnam
  let life: Awaited<ReturnType<typeof setupLifecycle>>;
  let other: { id: string; name: string };
  let communeName: string;
  const at = (local: string) => clock.set(new Date(`${local}:00+07:00`).toISOString());

  before(async () => {
    life = await setupLifecycle(clock);
    await seedMarchScenario(life, at, { applicant: APPLICANT, waybillNumber: 'EV2VN', resultNumber: '8/QĐ-UBND' });
    // Another agency, where the demo leader does not work: 5 dossiers received in person on 05/03, all still open.
    const admin = await life.login('demo.admin');
    const probe = await (await life.login('demo.leader')).get(URL);
    assert.equal(probe.status, 200, JSON.stringify(probe.body));
    const leaderAgencies = new Set((probe.body.rows as { agencyId: string }[]).map((r) => r.agencyId));
    other = ((await admin.get('/api/agencies')).body.items as { id: string; name: string }[]).find((a) => !leaderAgencies.has(a.id)) as { id: string; name: string };
    communeName = (await admin.get('/api/agencies?unit=00004')).body.items[0].name;
    const row = { provinceCode: '01', agencyId: other.id, procedureId: life.procedureId, day: '2026-03-05' };
    await life.ctx.deps.db.insert(indicatorDayCounts).values([{ ...row, measure: 'received_in_person', value: 5 }, { ...row, measure: 'open', value: 5 }]);
  });
  after(() => life.close());

  it('gives one row per agency of the officer, zeros included, and a total row, as JSON', async () => {
    const leader = await life.login('demo.leader');
    const res = await leader.get(URL);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.asOf, '2026-03-12');
    assert.equal(res.body.rows.length, 2);
    assert.ok(!res.body.rows.some((r: { agencyId: string }) => r.agencyId === other.id));
    const commune = res.body.rows.find((r: { agencyId: string }) => r.agencyId === life.commune);
    const { agencyId: _a, agencyName, label, ...form } = commune;
    assert.equal(label, agencyName);
    assert.equal(agencyName, communeName);
    assert.deepEqual(form, COMMUNE);
    const department = res.body.rows.find((r: { agencyId: string }) => r.agencyId !== life.commune);
    const { agencyId: _b, agencyName: _n, label: _l, ...zero } = department;
    assert.deepEqual(zero, ZERO);
    assert.deepEqual(res.body.total, COMMUNE);
  });

  it('gives a province administrator every agency with figures, and one agency on request', async () => {
    const admin = await life.login('demo.admin');
    const res = await admin.get(URL);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.rows.map((r: { agencyId: string }) => r.agencyId).sort(), [life.commune, other.id].sort());
    assert.deepEqual(res.body.total, {
      received: { total: 9, online: 1, inPersonOrPost: 8, carriedOver: 0 },
      resolved: COMMUNE.resolved,
      // The other commune's 5 open dossiers have no deadline rows: within deadline.
      pending: { total: 7, withinDeadline: 6, overdue: 1 },
    });
    const one = await admin.get(`${URL}&agencyId=${other.id}`);
    assert.deepEqual(one.body.rows.map((r: { agencyName: string }) => r.agencyName), [other.name]);
    assert.equal(one.body.total.received.total, 5);
  });

  it('gives one row per level and field (lĩnh vực) on request, with the same total', async () => {
    const leader = await life.login('demo.leader');
    const field = (await leader.get(`/api/procedures/${life.procedureId}`)).body.field as string;
    assert.ok(field);
    const res = await leader.get(`${URL}&groupBy=field`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.groupBy, 'field');
    // The leader's department has no figures; the commune's four dossiers are all of 1.002211.
    assert.deepEqual(res.body.rows, [{ label: `${field} (cấp xã)`, level: 'commune', field, ...COMMUNE }]);
    assert.deepEqual(res.body.total, COMMUNE);
    const admin = await life.login('demo.admin');
    const [byAgency, byField] = [(await admin.get(URL)).body, (await admin.get(`${URL}&groupBy=field`)).body];
    assert.deepEqual(byField.total, byAgency.total);
    const workbook = await leader.download(`${URL}&groupBy=field&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(workbook.bytes) as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getColumn(2).values.map(String);
    assert.ok(cells.includes('Lĩnh vực (cấp giải quyết)'));
    assert.ok(cells.includes(`${field} (cấp xã)`));
    const bad = await leader.get(`${URL}&groupBy=unit`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.issues[0].path, 'query.groupBy');
  });

  it('writes an .xlsx with the title, the period, the unit, two-level headers and the numbers as numbers', async () => {
    const leader = await life.login('demo.leader');
    const res = await leader.download(`${URL}&format=xlsx`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="bieu-II06a-2026-03-01-2026-03-12.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.ok(ws);
    const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? '');
    assert.match(text(2, 1), /KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/);
    assert.equal(text(3, 1), 'Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 11/03/2026');
    assert.equal(text(4, 1), 'Đơn vị tính: hồ sơ');
    // Two-level headers: the groups merged over their columns, STT and Đơn vị over both header rows.
    assert.equal(text(5, 3), 'Số hồ sơ nhận giải quyết');
    assert.equal(ws.getCell(5, 6).master.address, 'C5');
    assert.equal(text(5, 7), 'Số hồ sơ đã giải quyết');
    assert.equal(ws.getCell(5, 10).master.address, 'G5');
    assert.equal(text(5, 11), 'Số hồ sơ đang giải quyết');
    assert.equal(ws.getCell(6, 1).master.address, 'A5');
    assert.deepEqual([3, 4, 5, 6, 7, 8, 9, 10].map((c) => text(6, c)), ['Tổng số', 'Trực tuyến', 'Trực tiếp, qua bưu chính', 'Từ kỳ trước chuyển sang', 'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn']);
    const rowOf = (label: string) => {
      for (let r = 8; r <= ws.rowCount; r++) if (text(r, 2) === label) return r;
      assert.fail(`no row ${label}`);
    };
    const values = (r: number) => Array.from({ length: 11 }, (_, i) => ws.getCell(r, 3 + i).value);
    assert.deepEqual(values(rowOf(communeName)), COMMUNE_FIGURES);
    assert.deepEqual(values(rowOf('Tổng cộng')), COMMUNE_FIGURES);
    assert.equal(ws.getCell(rowOf('Tổng cộng'), 3).type, ExcelJS.ValueType.Number);
    assert.equal(rowOf('Tổng cộng'), 10); // two agencies, then the total
  });

  it('writes a landscape A4 .pdf whose total row pdftotext reads back', async () => {
    const leader = await life.login('demo.leader');
    const res = await leader.download(`${URL}&format=pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="bieu-II06a-2026-03-01-2026-03-12.pdf"');
    assert.equal(Buffer.from(res.bytes.subarray(0, 4)).toString(), '%PDF');
    const dir = mkdtempSync(join(tmpdir(), 'ii06a-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), res.bytes);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      assert.match(text, /Kỳ báo cáo: từ ngày 01\/03\/2026 đến ngày 11\/03\/2026/);
      const total = text.split('\n').find((l) => l.includes('Tổng cộng'));
      assert.ok(total, text);
      assert.deepEqual(total.replace('Tổng cộng', '').trim().split(/\s+/).map(Number), COMMUNE_FIGURES);
      const info = execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' });
      assert.match(info, /Page size:\s+841\.89 x 595\.28/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps citizens out and officers to their agencies', async () => {
    const citizen = await life.login('demo.citizen');
    assert.equal((await citizen.get(URL)).status, 403);
    assert.equal((await citizen.download(`${URL}&format=xlsx`)).status, 403);
    const outside = await (await life.login('demo.leader')).get(`${URL}&agencyId=${other.id}`);
    assert.equal(outside.status, 403);
    assert.equal(outside.body.error.details.rule, 'agency_scope');
  });

  it('names the wrong field: a bad date, from not before to, a period over 366 days, an unknown format', async () => {
    const leader = await life.login('demo.leader');
    const issue = async (query: string) => {
      const res = await leader.get(`/api/reports/ii-06a?${query}`);
      assert.equal(res.status, 400, query);
      return res.body.error.details.issues[0];
    };
    assert.deepEqual(await issue('from=2026-02-30&to=2026-03-12'), { path: 'query.from', rule: 'date', message: 'không phải ngày hợp lệ (YYYY-MM-DD)', messageEn: 'is not a valid date (YYYY-MM-DD)' });
    assert.equal((await issue('from=2026-3-1&to=2026-03-12')).path, 'query.from');
    assert.equal((await issue('from=2026-03-12&to=2026-03-12')).rule, 'after_from');
    const long = await issue('from=2025-01-01&to=2026-01-03');
    assert.deepEqual([long.path, long.rule], ['query.to', 'max_period']);
    assert.equal((await leader.get('/api/reports/ii-06a?from=2024-01-01&to=2025-01-01')).status, 200); // 366 days: a leap year
    assert.equal((await issue('from=2026-03-01&to=2026-03-12&format=docx')).path, 'query.format');
  });
});
