// The officer workspace in Chromium, against a real server and database: an online dossier goes from the desk's
// inbox through acceptance, hand-off, assignment (the handler picked by name), appraisal and approval, each officer
// using the dossier page's action buttons and confirmation dialogs; Form 01 prints as a PDF; Form 05's hand-offs
// show on the page; the due-today and overdue tabs follow the legal clock; results go back by post in bulk with a
// partial failure shown per row; inbox and dossier fit a 360 px phone.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, START, assertNoHorizontalScroll, signIn, startPortal, type Portal } from './harness.ts';

const APPLICANT = { name: 'Trần Văn Bình', phone: '0987 654 321', idNumber: '001090054321' };

/** Presses an action button, fills the dialog, confirms, and waits for the dialog to close. */
async function act(page: Page, label: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('action-done').filter({ hasText: label }).waitFor();
}

async function statusIs(page: Page, status: string): Promise<void> {
  await page
    .getByTestId('dossier-status')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor();
}

describe('officer workspace', () => {
  let portal: Portal;
  let dossierId: string;
  let handlerId: string;
  let code = '';

  before(async () => {
    portal = await startPortal();
    const citizen = await portal.lifecycle.login('demo.citizen');
    const filed = await citizen.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: portal.lifecycle.procedureId,
      channel: 'online',
      receivingAgencyId: portal.lifecycle.commune,
      applicant: APPLICANT,
      components: [{ name: 'Biên bản bầu hòa giải viên', provided: true }],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    dossierId = filed.body.id;
    handlerId = (await (await portal.lifecycle.login('demo.handler')).get('/api/auth/me')).body.id;
  });

  after(async () => {
    await portal?.close();
  });

  it('walks an online dossier from the inbox through acceptance, assignment, appraisal and approval', async () => {
    const desk = await portal.newPage();
    await signIn(desk, 'demo.desk');
    // The inbox opens on "awaiting acceptance"; the search ignores diacritics.
    assert.equal(await desk.getByRole('tab', { name: 'Chờ tiếp nhận' }).getAttribute('aria-selected'), 'true');
    await desk.getByRole('textbox', { name: 'Tìm hồ sơ' }).fill('tran van binh');
    await desk.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = desk.getByTestId('inbox-row').filter({ hasText: APPLICANT.name });
    await row.waitFor();
    assert.equal(await desk.getByTestId('inbox-row').count(), 1);
    const rowText = await row.innerText();
    assert.match(rowText, /Thủ tục công nhận hòa giải viên/);
    assert.match(rowText, /Mới đăng ký, chờ tiếp nhận/);
    assert.match(rowText, /Hạn tiếp nhận: /);
    // 8 working hours to accept: due tomorrow morning, so the badge says so in words, with the countdown.
    assert.match(rowText, /Sắp đến hạn/);
    assert.match(rowText, /Còn 8 giờ làm việc/);
    await portal.assertAccessible(desk, 'the inbox');
    await portal.screenshot(desk, 'workspace-inbox');

    await row.getByRole('link').click();
    await desk.waitForURL(`**/can-bo/ho-so/${dossierId}`);
    await statusIs(desk, 'Mới đăng ký, chờ tiếp nhận');
    const buttons = await desk.getByRole('region', { name: 'Thao tác' }).getByRole('button').allInnerTexts();
    assert.deepEqual(buttons, ['Tiếp nhận', 'Từ chối tiếp nhận', 'Rút hồ sơ']);
    await desk.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await desk.getByRole('dialog', { name: 'Tiếp nhận' }).waitFor();
    await portal.assertAccessible(desk, 'the receive dialog');
    await desk.getByRole('dialog').getByRole('button', { name: 'Huỷ' }).click();
    await desk.getByRole('dialog').waitFor({ state: 'detached' });
    await act(desk, 'Tiếp nhận');
    await statusIs(desk, 'Đã tiếp nhận');
    const heading = await desk.getByRole('heading', { level: 1 }).innerText();
    const match = /^Hồ sơ (\S+-\d{6}-\d{4})$/.exec(heading);
    assert.ok(match, `the page shows the new code: ${heading}`);
    code = match[1] as string;
    assert.match(await desk.getByTestId('timeline').innerText(), /Tiếp nhận[\s\S]*Vai trò: bộ phận một cửa[\s\S]*Mới đăng ký, chờ tiếp nhận → Đã tiếp nhận/);

    // Form 01, the receipt, is a PDF.
    const href = await desk.getByRole('link', { name: /^Mẫu 01/ }).getAttribute('href');
    assert.equal(href, `/api/dossiers/${dossierId}/forms/01.pdf`);
    const pdf = await desk.request.get(href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

    await act(desk, 'Chuyển bước tiếp theo', async (dialog) => dialog.getByRole('textbox', { name: 'Ghi chú' }).fill('Chuyển phòng chuyên môn'));
    await statusIs(desk, 'Đang xử lý');
    assert.match(await desk.getByTestId('timeline').innerText(), /Ghi chú: Chuyển phòng chuyên môn/);
    // Form 05 on the page: the desk's step is done (no working time used: early), the handler's is open.
    const handOff = desk.getByTestId('timeline').getByTestId('hand-off');
    await handOff.first().waitFor();
    assert.match(await handOff.first().innerText(), /Bước «Tiếp nhận, chuyển hồ sơ» \(thời hạn 4 giờ làm việc\):\s*Trước hạn/);
    await desk.getByTestId('step').nth(1).waitFor();
    assert.equal(await desk.getByTestId('step').nth(0).getAttribute('data-result'), 'early');
    assert.match(await desk.getByTestId('step').nth(0).innerText(), /Trước hạn[\s\S]*Người thực hiện: Trần Thị Một Cửa \(demo\)[\s\S]*Thời hạn của bước: 4 giờ làm việc/);
    assert.match(await desk.getByTestId('step').nth(1).innerText(), /Trong hạn[\s\S]*đang xử lý/);
    await portal.assertAccessible(desk, 'the dossier page');
    await portal.screenshot(desk, 'workspace-dossier');

    // The leader assigns the handler, picked by name from the agency's handlers (typed without diacritics).
    const leader = await portal.newPage();
    await signIn(leader, 'demo.leader');
    await leader.goto(`/can-bo/ho-so/${dossierId}`);
    await statusIs(leader, 'Đang xử lý');
    // Nobody picked: the dialog says so and stays open.
    await leader.getByRole('button', { name: 'Phân công', exact: true }).click();
    const assign = leader.getByRole('dialog', { name: 'Phân công' });
    await assign.getByRole('button', { name: 'Xác nhận' }).click();
    await assign.getByText('Vui lòng điền mục này.').waitFor();
    const picker = assign.getByRole('combobox', { name: 'Chuyên viên thụ lý' });
    await picker.fill('thu ly');
    await assign.getByRole('option', { name: 'Lê Văn Thụ Lý (demo)' }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    assert.equal(await picker.inputValue(), 'Lê Văn Thụ Lý (demo)');
    await portal.assertAccessible(leader, 'the assign dialog with a handler picked');
    await assign.getByRole('button', { name: 'Xác nhận' }).click();
    await assign.waitFor({ state: 'detached' });
    await leader.getByTestId('action-done').filter({ hasText: 'Phân công' }).waitFor();
    assert.match(await leader.getByTestId('timeline').innerText(), /Phân công[\s\S]*Vai trò: lãnh đạo/);
    assert.equal((await (await portal.lifecycle.login('demo.leader')).get(`/api/dossiers/${dossierId}`)).body.assigneeId, handlerId);

    // The handler finds it under "my tasks" and hands it to the leader.
    const handler = await portal.newPage();
    await signIn(handler, 'demo.handler');
    await handler.getByRole('tab', { name: 'Việc của tôi' }).click();
    const mine = handler.getByTestId('inbox-row').filter({ hasText: code });
    await mine.waitFor();
    assert.match(await mine.innerText(), /Trong hạn/);
    await mine.getByRole('link').click();
    await statusIs(handler, 'Đang xử lý');
    await act(handler, 'Chuyển bước tiếp theo', async (dialog) => dialog.getByRole('textbox', { name: 'Ghi chú' }).fill('Đủ điều kiện, trình lãnh đạo'));
    assert.match(await handler.getByTestId('timeline').innerText(), /Vai trò: chuyên viên thụ lý[\s\S]*Bước: /);

    // The leader's page is now stale: approving with the old version is refused, with a reload offered.
    await leader.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const stale = leader.getByRole('dialog', { name: 'Phê duyệt' });
    await stale.getByRole('button', { name: 'Xác nhận' }).click();
    await stale.getByTestId('action-error').filter({ hasText: 'vừa được người khác cập nhật' }).waitFor();
    await portal.assertAccessible(leader, 'the dialog with a stale-version error');
    await stale.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await stale.waitFor({ state: 'detached' });
    await leader.getByTestId('timeline').filter({ hasText: 'Đủ điều kiện, trình lãnh đạo' }).waitFor();
    await act(leader, 'Phê duyệt');
    await statusIs(leader, 'Đã phê duyệt, chờ phát hành kết quả');
    const types = await leader.getByTestId('timeline-entry').locator('p').first().allInnerTexts();
    assert.ok(types.length >= 1);
    assert.match(await leader.getByTestId('timeline').innerText(), /Nộp hồ sơ[\s\S]*Tiếp nhận[\s\S]*Chuyển bước tiếp theo[\s\S]*Phân công[\s\S]*Chuyển bước tiếp theo[\s\S]*Phê duyệt/);
    await portal.screenshot(leader, 'workspace-dossier-approved');
  });

  it('fits the inbox and the dossier page in 360 px', async () => {
    const page = await portal.newPage(PHONE);
    await signIn(page, 'demo.desk');
    await page.getByRole('tab', { name: 'Tất cả' }).click();
    await page.getByTestId('inbox-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await assertNoHorizontalScroll(page, 'the inbox');
    await portal.assertAccessible(page, 'the inbox at 360 px');
    await portal.screenshot(page, 'phone-workspace-inbox');

    await page.goto(`/can-bo/ho-so/${dossierId}`);
    await page.getByTestId('dossier-status').waitFor();
    await page.waitForLoadState('networkidle');
    await assertNoHorizontalScroll(page, 'the dossier page');
    await portal.assertAccessible(page, 'the dossier page at 360 px');
    await portal.screenshot(page, 'phone-workspace-dossier');
  });

  it('lists what is due today and what is overdue by the legal clock, with counts and the acceptance countdown', async () => {
    const citizen = await portal.lifecycle.login('demo.citizen');
    const applicant = { name: 'Đỗ Thị Hạn', phone: '0912 333 444' };
    const filed = await citizen.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: portal.lifecycle.procedureId,
      channel: 'online',
      receivingAgencyId: portal.lifecycle.commune,
      applicant,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const page = await portal.newPage();
    try {
      portal.clock.set('2026-11-24T01:00:00Z'); // Tuesday 08:00: the acceptance deadline (10:00) is today
      await signIn(page, 'demo.desk');
      const dueToday = page.getByRole('tab', { name: /^Đến hạn hôm nay \(\d+\)$/ });
      await dueToday.waitFor();
      await dueToday.click();
      const row = page.getByTestId('inbox-row').filter({ hasText: applicant.name });
      await row.waitFor();
      assert.match(await row.innerText(), /Còn 2 giờ làm việc/);
      assert.match(await dueToday.innerText(), /\(1\)/);
      await portal.assertAccessible(page, 'the due-today tab');

      portal.clock.set('2026-11-24T04:30:00Z'); // Tuesday 11:30: past it by 1 h 30 min of working time
      await page.reload();
      const overdue = page.getByRole('tab', { name: /^Quá hạn \(\d+\)$/ });
      await overdue.click();
      const late = page.getByTestId('inbox-row').filter({ hasText: applicant.name });
      await late.waitFor();
      assert.match(await late.innerText(), /Quá hạn tiếp nhận 1 giờ 30 phút/);
      assert.equal(await late.getByTestId('acceptance-clock').count(), 1);
      await portal.screenshot(page, 'workspace-inbox-overdue');
    } finally {
      portal.clock.set(START);
    }
  });

  it('returns several results by post at once and shows a partial failure per dossier', async () => {
    const login = portal.lifecycle.login;
    const [desk, leader, handler, clerk] = await Promise.all([login('demo.desk'), login('demo.leader'), login('demo.handler'), login('demo.clerk')]);
    const ready: { id: string; code: string; version: number }[] = [];
    for (const name of ['Bùi Văn Bưu', 'Lý Thị Chính']) {
      let d = (
        await desk.post('/api/dossiers', {
          requestId: randomUUID(),
          procedureId: portal.lifecycle.procedureId,
          channel: 'in_person',
          receivingAgencyId: portal.lifecycle.commune,
          applicant: { name, phone: '0912555666' },
        })
      ).body;
      for (const [client, type, fields] of [
        [desk, 'forward', {}],
        [leader, 'assign', { assigneeId: handlerId }],
        [handler, 'forward', {}],
        [leader, 'approve', {}],
        [clerk, 'issue_result', { resultNumber: `${name.length}/QĐ` }],
      ] as const) {
        const r = await portal.lifecycle.act(client, d, type, fields);
        assert.equal(r.status, 200, `${type}: ${JSON.stringify(r.body)}`);
        d = r.body;
      }
      ready.push(d);
    }
    const [first, second] = ready as [(typeof ready)[0], (typeof ready)[0]];
    const page = await portal.newPage();
    await signIn(page, 'demo.desk');
    await page.getByRole('tab', { name: /^Chờ trả kết quả/ }).click();
    await page.getByRole('heading', { name: 'Trả kết quả qua bưu chính' }).waitFor();
    await page.getByRole('checkbox', { name: `Chọn hồ sơ ${first.code}` }).check();
    await page.getByRole('checkbox', { name: `Chọn hồ sơ ${second.code}` }).check();
    // A waybill is needed for each selected dossier.
    await page.getByRole('button', { name: 'Trả kết quả qua bưu chính' }).click();
    await page.getByText('Cần số vận đơn.').first().waitFor();
    await page.getByRole('textbox', { name: `Số vận đơn của hồ sơ ${first.code}` }).fill('EB100000001VN');
    await page.getByRole('textbox', { name: `Số vận đơn của hồ sơ ${second.code}` }).fill('EB100000002VN');
    await portal.assertAccessible(page, 'the bulk return form');
    // Meanwhile the leader reopens the second one to correct it: its return must fail, the first still goes.
    const reopened = await portal.lifecycle.act(leader, second, 'correct_result', {
      reason: 'Sai họ tên trên kết quả',
    });
    assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
    await page.getByRole('button', { name: 'Trả kết quả qua bưu chính' }).click();
    const status = page.getByTestId('bulk-status').filter({ hasText: 'Đã trả kết quả 1/2 hồ sơ; 1 hồ sơ không trả được' });
    await status.waitFor();
    const outcomes = page.getByTestId('bulk-outcome');
    assert.match(await outcomes.filter({ hasText: first.code }).innerText(), /Đã trả kết quả \(vận đơn EB100000001VN\)/);
    assert.match(await outcomes.filter({ hasText: second.code }).innerText(), /Không trả được: /);
    await portal.assertAccessible(page, 'the bulk return outcome');
    await portal.screenshot(page, 'workspace-bulk-return');
    const [a, b] = await Promise.all([desk.get(`/api/dossiers/${first.id}`), desk.get(`/api/dossiers/${second.id}`)]);
    assert.equal(a.body.status, 'returned');
    assert.equal(a.body.timeline.at(-1).payload.waybillNumber, 'EB100000001VN');
    assert.equal(b.body.status, 'in_progress', 'the failed one is untouched by the bulk return');
  });

  it('raised no uncaught error in any page', () => {
    assert.deepEqual(portal.pageErrors, []);
  });
});
