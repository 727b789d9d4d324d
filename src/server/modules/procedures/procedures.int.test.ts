import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import {
  createTestContext,
  getJson,
  seedPath,
  startServer,
  type TestContext,
} from '../../testing/test-deps.ts';
import { importProcedures, type ImportProceduresResult } from './import-procedures.ts';

const NATIONAL = seedPath('procedures', 'national-2026', 'procedures.jsonl');
const HANOI = seedPath('procedures', 'hanoi-dept-ict-2022', 'procedures.json');

describe('procedure catalogue from the real national and Hanoi files', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  let national: ImportProceduresResult;
  let hanoi: ImportProceduresResult;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-procedures-'));
  before(async () => {
    ctx = await createTestContext();
    national = await importProcedures(ctx.deps.db, NATIONAL);
    hanoi = await importProcedures(ctx.deps.db, HANOI);
    server = await startServer(ctx.deps);
  });
  after(async () => {
    await server.stop();
    await ctx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports every line of the national file and all 34 Hanoi ICT procedures', () => {
    const nationalLines = fs
      .readFileSync(NATIONAL, 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;
    assert.equal(national.records, nationalLines);
    assert.equal(national.inserted + national.skipped, nationalLines);
    assert.equal(national.inserted, 1135);
    assert.equal(hanoi.inserted, 34);
    assert.equal(hanoi.format, 'hanoi_ict_2022');
  });

  it('never invents a national code: only the 6 known Hanoi codes are set', async () => {
    const [row] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`SELECT count(*)::int AS n FROM procedures WHERE source = 'hanoi_ict_2022' AND national_code IS NOT NULL`,
    );
    assert.equal(row?.n, 6);
  });

  it('finds "Thủ tục đăng ký khai sinh" (1.001193) first when typed without diacritics', async () => {
    const { status, body } = await getJson(`${server.url}/api/procedures?q=dang%20ky%20khai%20sinh`);
    assert.equal(status, 200);
    assert.equal(body.items[0].code, '1.001193');
    assert.equal(body.items[0].name, 'Thủ tục đăng ký khai sinh');
    assert.ok(body.total >= 5);
    const upper = await getJson(`${server.url}/api/procedures?q=${encodeURIComponent('ĐĂNG KÝ KHAI SINH')}`);
    assert.equal(upper.body.items[0].code, '1.001193');
    const byCode = await getJson(`${server.url}/api/procedures?q=2.000815`);
    assert.equal(byCode.body.items[0].code, '2.000815');
  });

  it('filters by field, level and agency, and pages', async () => {
    const civil = await getJson(
      `${server.url}/api/procedures?field=${encodeURIComponent('Hộ tịch')}&level=commune&pageSize=5&page=2`,
    );
    assert.equal(civil.body.items.length, 5);
    assert.equal(civil.body.page, 2);
    assert.ok(
      civil.body.items.every(
        (p: { field: string; levels: string[] }) => p.field === 'Hộ tịch' && p.levels.includes('commune'),
      ),
    );
    const postal = await getJson(`${server.url}/api/procedures?field=${encodeURIComponent('Bưu chính')}`);
    assert.equal(postal.body.total, 7);
    const level3 = await getJson(`${server.url}/api/procedures?onlineLevelOld=3&pageSize=100`);
    assert.ok(level3.body.items.every((p: { onlineLevelOld: number }) => p.onlineLevelOld === 3));
  });

  it('returns one procedure with channels, durations, fees, components and variants', async () => {
    const search = await getJson(`${server.url}/api/procedures?q=1.001193`);
    const { status, body } = await getJson(`${server.url}/api/procedures/${search.body.items[0].id}`);
    assert.equal(status, 200);
    assert.equal(body.code, '1.001193');
    assert.deepEqual(
      body.channels.map(
        (c: { channel: string; duration: { value: number } | null; fee: { isFree: boolean } }) => [
          c.channel,
          c.duration?.value,
          c.fee.isFree,
        ],
      ),
      [
        ['online', 1, true],
        ['post', 1, true],
        ['in_person', 1, true],
      ],
    );
    assert.equal(body.variants.length, 1);
    assert.ok(body.components.length > 0);
    const fees = await getJson(
      `${server.url}/api/procedures?q=${encodeURIComponent('Cấp giấy phép bưu chính')}`,
    );
    const licence = await getJson(`${server.url}/api/procedures/${fees.body.items[0].id}`);
    assert.deepEqual(licence.body.channels[0].fee.amountsVnd, [10750000, 4250000]);
    assert.deepEqual(licence.body.channels[0].duration, {
      value: 20,
      unit: 'calendar_days',
      text: licence.body.channels[0].duration.text,
    });
  });

  it('answers bad input with 400 naming the field, and an unknown id with 404', async () => {
    const bad = await getJson(`${server.url}/api/procedures?pageSize=1000&level=county`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'INVALID_INPUT');
    assert.deepEqual(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort(), [
      'query.level',
      'query.pageSize',
    ]);
    assert.match(bad.body.error.message, /không hợp lệ/);
    assert.equal((await getJson(`${server.url}/api/procedures/not-a-uuid`)).status, 400);
    const missing = await getJson(`${server.url}/api/procedures/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
  });

  it('changes nothing when the same file is imported again', async () => {
    const again = await importProcedures(ctx.deps.db, NATIONAL);
    assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 1135]);
  });

  it('creates a new version for a changed record and keeps the old version for existing dossiers', async () => {
    // Generated test data: the first real record with its name changed.
    const first = JSON.parse(fs.readFileSync(NATIONAL, 'utf8').split('\n')[0] as string) as Record<
      string,
      unknown
    >;
    const file = path.join(tmp, 'changed.jsonl');
    fs.writeFileSync(file, JSON.stringify({ ...first, name: `${String(first.name)} (sửa đổi)` }) + '\n');
    const [before] = await queryRows<{ id: string; current_version_id: string }>(
      ctx.deps.db,
      sql`SELECT id, current_version_id FROM procedures WHERE national_code = ${first.code as string}`,
    );
    const result = await importProcedures(ctx.deps.db, file);
    assert.equal(result.updated, 1);
    const versions = await queryRows<{ id: string; version: number; name: string }>(
      ctx.deps.db,
      sql`SELECT id, version, name FROM procedure_versions WHERE procedure_id = ${before?.id as string} ORDER BY version`,
    );
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    assert.equal(versions[0]?.id, before?.current_version_id);
    assert.match(versions[1]?.name ?? '', /sửa đổi/);
    const detail = await getJson(`${server.url}/api/procedures/${before?.id}`);
    assert.equal(detail.body.version, 2);
  });

  it('reports broken lines of any file with their line numbers and imports the rest', async () => {
    // Generated test data with one fault per line.
    const file = path.join(tmp, 'broken.jsonl');
    fs.writeFileSync(
      file,
      [
        JSON.stringify({
          code: '9.900001',
          name: 'Thủ tục thử nghiệm (dữ liệu sinh ra)',
          levels: ['Cấp tỉnh'],
          channels: [],
        }),
        '{"code": "9.900002", "name": ',
        JSON.stringify({ code: '9.900003' }),
        '',
        JSON.stringify({ code: '9.900001', name: 'Trùng mã' }),
        JSON.stringify({ name: 'Thủ tục không có mã (dữ liệu sinh ra)', levels: ['Cấp không rõ'] }),
      ].join('\n'),
    );
    const result = await importProcedures(ctx.deps.db, file);
    assert.equal(result.inserted, 2);
    const reasons = (line: number) =>
      result.issues
        .filter((i) => i.line === line)
        .map((i) => i.reason)
        .join(' | ');
    assert.match(reasons(2), /invalid JSON/);
    assert.equal(reasons(3), 'missing name');
    assert.match(reasons(5), /duplicate of line 1/);
    assert.match(reasons(6), /unknown level "Cấp không rõ"/);
    assert.equal(result.skipped, 3);
    const stored = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`SELECT count(*)::int AS n FROM import_issues WHERE source_file LIKE '%broken.jsonl'`,
    );
    assert.equal(stored[0]?.n, result.issues.length);
  });
});
