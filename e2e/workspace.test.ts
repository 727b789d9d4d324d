// The officer workspace in Chromium, against a real server and database: an online dossier goes from the desk's
// inbox through acceptance, hand-off, assignment, appraisal and approval, each officer using the dossier page's
// action buttons and confirmation dialogs; Form 01 prints as a PDF; inbox and dossier fit a 360 px phone.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, assertNoHorizontalScroll, startPortal, type Portal } from './harness.ts';

const APPLICANT = { name: 'Trần Văn Bình', phone: '0987 654 321', idNumber: '001090054321' };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: false }).first().fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.waitForURL('**/can-bo');
  await page.getByRole('heading', { level: 1, name: 'Không gian làm việc của cán bộ' }).waitFor();
}

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
  await page.getByTestId('dossier-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();
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
    // 8 working hours to accept: due tomorrow morning, so the badge says so in words.
    assert.match(rowText, /Sắp đến hạn/);
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
    await portal.assertAccessible(desk, 'the dossier page');
    await portal.screenshot(desk, 'workspace-dossier');

    // The leader assigns the handler (by id until an officer list API exists).
    const leader = await portal.newPage();
    await signIn(leader, 'demo.leader');
    await leader.goto(`/can-bo/ho-so/${dossierId}`);
    await statusIs(leader, 'Đang xử lý');
    // A wrong id is refused by the server; the dialog says why and stays open.
    await leader.getByRole('button', { name: 'Phân công', exact: true }).click();
    const assign = leader.getByRole('dialog', { name: 'Phân công' });
    await assign.getByRole('button', { name: 'Xác nhận' }).click();
    await assign.getByText('Vui lòng điền mục này.').waitFor();
    await assign.getByRole('textbox', { name: 'Mã cán bộ thụ lý' }).fill(handlerId);
    await assign.getByRole('button', { name: 'Xác nhận' }).click();
    await assign.waitFor({ state: 'detached' });
    await leader.getByTestId('action-done').filter({ hasText: 'Phân công' }).waitFor();
    assert.match(await leader.getByTestId('timeline').innerText(), /Phân công[\s\S]*Vai trò: lãnh đạo/);

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

  it('raised no uncaught error in any page', () => {
    assert.deepEqual(portal.pageErrors, []);
  });
});
