import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importProcedures } from '../procedures/import-procedures.ts';
import { importUnits } from '../units/import-units.ts';
import { createTestContext, fixedClock, getJson, seedPath, startServer, type TestContext } from '../../testing/test-deps.ts';

const TOKEN = 'test-admin-token';
const ACTOR = 'Quản trị viên (kiểm thử)';

describe('working calendars and the deadline preview over HTTP', () => {
  let ctx: TestContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  const send = async (method: string, path: string, body?: unknown, auth = true) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const preview = (body: Record<string, unknown>) => send('POST', '/api/deadlines/preview', { provinceCode: '01', ...body }, false);

  before(async () => {
    ctx = await createTestContext({ clock: fixedClock('2026-01-05T02:00:00Z'), config: { adminApiToken: TOKEN } });
    await importUnits(ctx.deps.db, seedPath('admin-units'));
    await importProcedures(ctx.deps.db, seedPath('procedures', 'national-2026', 'procedures.jsonl'));
    server = await startServer(ctx.deps);
  });
  after(async () => {
    await server.stop();
    await ctx.close();
  });

  it('shows the 2026 calendar generated from the rules, not yet confirmed', async () => {
    const { status, body } = await getJson(`${server.url}/api/calendars/01/2026`);
    assert.equal(status, 200);
    assert.equal(body.confirmed, false);
    assert.deepEqual(
      body.days.filter((d: { date: string }) => d.date.startsWith('2026-02')).map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`),
      ['2026-02-16 holiday', '2026-02-17 holiday', '2026-02-18 holiday', '2026-02-19 holiday', '2026-02-20 holiday'],
    );
    assert.ok(body.days.some((d: { date: string; kind: string; name: string }) => d.date === '2026-04-27' && d.kind === 'compensatory_day_off'));
  });

  it('answers a preview from the rules but flags it provisional until the year is confirmed', async () => {
    const { status, body } = await preview({ receivedAt: '2026-02-13T16:59:00+07:00', duration: { value: 1, unit: 'working_days' } });
    assert.equal(status, 200);
    assert.deepEqual(body, {
      startsAt: '2026-02-13T16:59:00+07:00',
      dueAt: '2026-02-23T16:59:00+07:00',
      provisional: true,
      duration: { value: 1, unit: 'working_days' },
    });
    const strict = await preview({ receivedAt: '2026-02-13T16:59:00+07:00', duration: { value: 1, unit: 'working_days' }, requireConfirmed: true });
    assert.equal(strict.status, 409);
    assert.equal(strict.body.error.details.rule, 'calendar_not_confirmed');
  });

  it('refuses calendar changes without the administrator token', async () => {
    const denied = await send('POST', '/api/calendars/01/2026/confirm', { actor: ACTOR, expectedRevision: 0 }, false);
    assert.equal(denied.status, 401);
    assert.equal(denied.body.error.code, 'UNAUTHENTICATED');
  });

  it('records an announced swap with who, why and the legal reference, and applies it once confirmed', async () => {
    // A hypothetical swap used as test data: Friday 06/03/2026 off, made up on Saturday 14/03/2026.
    const off = await send('POST', '/api/calendars/01/entries', {
      date: '2026-03-06',
      kind: 'day_off',
      name: 'Nghỉ hoán đổi (dữ liệu kiểm thử)',
      legalReference: 'Thông báo giả định dùng cho kiểm thử',
      reason: 'Kiểm thử hoán đổi ngày làm việc',
      actor: ACTOR,
    });
    assert.equal(off.status, 201);
    assert.equal(off.body.createdBy, ACTOR);
    await send('POST', '/api/calendars/01/entries', {
      date: '2026-03-14',
      kind: 'make_up_workday',
      name: 'Làm bù (dữ liệu kiểm thử)',
      legalReference: 'Thông báo giả định dùng cho kiểm thử',
      reason: 'Kiểm thử hoán đổi ngày làm việc',
      actor: ACTOR,
    });
    const confirmed = await send('POST', '/api/calendars/01/2026/confirm', { actor: ACTOR, expectedRevision: 0, note: 'Đã đối chiếu' });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.revision, 1);
    const stale = await send('POST', '/api/calendars/01/2026/confirm', { actor: ACTOR, expectedRevision: 0 });
    assert.equal(stale.status, 409);

    const calendar = await getJson(`${server.url}/api/calendars/01/2026`);
    assert.equal(calendar.body.confirmed, true);
    assert.ok(calendar.body.days.some((d: { date: string; kind: string }) => d.date === '2026-03-14' && d.kind === 'make_up_workday'));

    const due = await preview({ receivedAt: '2026-03-05T09:00:00+07:00', duration: { value: 2, unit: 'working_days' } });
    assert.equal(due.body.dueAt, '2026-03-10T09:00:00+07:00');
    assert.equal(due.body.provisional, false);
    const overSaturday = await preview({ receivedAt: '2026-03-13T09:00:00+07:00', duration: { value: 1, unit: 'working_days' } });
    assert.equal(overSaturday.body.dueAt, '2026-03-14T09:00:00+07:00');

    const changes = await getJson(`${server.url}/api/calendars/01/changes`);
    assert.deepEqual(changes.body.items.map((c: { action: string }) => c.action), ['year_confirmed', 'entry_added', 'entry_added']);
    assert.ok(changes.body.items.every((c: { actor: string }) => c.actor === ACTOR));
  });

  it('keeps a confirmed year frozen while entries change, until it is confirmed again', async () => {
    const entries = await getJson(`${server.url}/api/calendars/01/entries?year=2026`);
    const swap = entries.body.items.find((e: { date: string }) => e.date === '2026-03-06');
    const removed = await send('DELETE', `/api/calendars/01/entries/${swap.id}`, { actor: ACTOR, reason: 'Thông báo bị thu hồi (kiểm thử)' });
    assert.equal(removed.status, 200);
    const again = await send('DELETE', `/api/calendars/01/entries/${swap.id}`, { actor: ACTOR, reason: 'lần hai' });
    assert.equal(again.status, 409);
    const calendar = await getJson(`${server.url}/api/calendars/01/2026`);
    assert.equal(calendar.body.hasPendingChanges, true);
    const due = await preview({ receivedAt: '2026-03-05T09:00:00+07:00', duration: { value: 2, unit: 'working_days' } });
    assert.equal(due.body.dueAt, '2026-03-10T09:00:00+07:00', 'the confirmed calendar still rules');
    await send('POST', '/api/calendars/01/2026/confirm', { actor: ACTOR, expectedRevision: 1 });
    const after = await preview({ receivedAt: '2026-03-05T09:00:00+07:00', duration: { value: 2, unit: 'working_days' } });
    assert.equal(after.body.dueAt, '2026-03-09T09:00:00+07:00');
  });

  it('computes the appointment of a real procedure on a channel, and refuses one whose unit the source lost', async () => {
    // 1.002211 "Thủ tục công nhận hòa giải viên (cấp xã)": 5 working days on every channel.
    const mediator = await getJson(`${server.url}/api/procedures?q=1.002211`);
    const { status, body } = await preview({ receivedAt: '2026-03-16T09:00:00+07:00', procedureId: mediator.body.items[0].id, channel: 'online' });
    assert.equal(status, 200);
    assert.deepEqual(body.duration, { value: 5, unit: 'working_days' });
    assert.equal(body.dueAt, '2026-03-23T09:00:00+07:00');
    // 1.001193 (birth registration): the national file gives "1" with no unit; the clock does not guess one.
    const birth = await getJson(`${server.url}/api/procedures?q=1.001193`);
    const unknown = await preview({ receivedAt: '2026-03-02T09:00:00+07:00', procedureId: birth.body.items[0].id });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details.issues[0].rule, 'duration_unknown');
  });

  it('changes settings with optimistic concurrency and validates them field by field', async () => {
    const current = await getJson(`${server.url}/api/calendars/01/settings`);
    assert.equal(current.body.settings.workingDayHours, 8);
    const bad = await send('PUT', '/api/calendars/01/settings', {
      settings: { workingPeriods: [{ start: '13:00', end: '11:30' }] },
      version: current.body.version,
      actor: ACTOR,
      reason: 'thử',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.issues[0].path, 'body.settings.workingPeriods.0');
    const ok = await send('PUT', '/api/calendars/01/settings', {
      settings: { classificationGranularity: 'date' },
      version: current.body.version,
      actor: ACTOR,
      reason: 'Tỉnh so sánh theo ngày',
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.settings.classificationGranularity, 'date');
    const stale = await send('PUT', '/api/calendars/01/settings', { settings: { workingDayHours: 7 }, version: current.body.version, actor: ACTOR, reason: 'x' });
    assert.equal(stale.status, 409);
  });

  it('gives clear errors for an unknown province, a negative duration, a bad instant and a year with no calendar', async () => {
    const unknown = await preview({ provinceCode: '99', receivedAt: '2026-03-02T09:00:00+07:00', duration: { value: 1, unit: 'working_days' } });
    assert.equal(unknown.status, 404);
    const negative = await preview({ receivedAt: '2026-03-02T09:00:00+07:00', duration: { value: -1, unit: 'working_days' } });
    assert.equal(negative.status, 400);
    assert.equal(negative.body.error.details.issues[0].path, 'body.duration.value');
    const noOffset = await preview({ receivedAt: '2026-03-02 09:00', duration: { value: 1, unit: 'working_days' } });
    assert.equal(noOffset.body.error.details.issues[0].path, 'body.receivedAt');
    const both = await preview({ receivedAt: '2026-03-02T09:00:00+07:00' });
    assert.equal(both.body.error.details.issues[0].rule, 'one_of');
    const far = await preview({ receivedAt: '2040-03-02T09:00:00+07:00', duration: { value: 1, unit: 'working_days' } });
    assert.equal(far.status, 400);
    assert.equal(far.body.error.details.issues[0].rule, 'calendar_year');
    const year = await getJson(`${server.url}/api/calendars/01/1999`);
    assert.equal(year.status, 400);
  });
});
