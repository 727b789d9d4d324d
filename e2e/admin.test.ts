// Administration in Chromium, against a real server and database: demo.admin creates an officer (a field error
// from the API first) and grants a role, imports a small catalogue of real lines watching the progress bar reach
// 100 %, edits a workflow (an error shown on the step it concerns, then saved), confirms a calendar year, and the
// pages fit a 360 px phone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedPath } from '../src/server/testing/test-deps.ts';
import { PHONE, assertNoHorizontalScroll, signIn, startPortal, type Portal } from './harness.ts';

/** Picks an option of a Mantine Select by its label (the list opens in a portal, outside `scope`). */
async function choose(page: Page, scope: Page | ReturnType<Page['locator']>, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('administration', () => {
  let portal: Portal;
  let page: Page;

  before(async () => {
    portal = await startPortal();
    page = await portal.newPage();
    await signIn(page, 'demo.admin');
  });

  after(async () => {
    await portal?.close();
  });

  it('creates an officer account after a field error, then grants a role', async () => {
    await page.getByRole('link', { name: 'Quản trị', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();
    await portal.assertAccessible(page, 'the administration overview');
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Cơ quan và cán bộ' }).click();
    await page.getByRole('textbox', { name: 'Tìm cơ quan' }).fill('ba dinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const commune = page.locator(`a[href="/quan-tri/co-quan/${portal.lifecycle.commune}"]`);
    await commune.waitFor();
    await portal.assertAccessible(page, 'the agencies list');
    await commune.click();
    await page.getByRole('heading', { level: 2, name: 'Cán bộ của cơ quan' }).waitFor();
    assert.ok((await page.getByTestId('officer-row').count()) >= 5);

    const form = page.getByRole('region', { name: 'Tạo tài khoản cán bộ' });
    await form.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('tran.thi.moi');
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill('Trần Thị Mới');
    await form.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await choose(page, form, 'Vai trò', 'Chuyên viên thụ lý');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // The API's field error sits under the password field.
    await form.getByText('phải có ít nhất 10 ký tự').waitFor();
    await portal.assertAccessible(page, 'the officer form with a field error');
    await form.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-2026');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.getByRole('status').filter({ hasText: 'Đã tạo tài khoản tran.thi.moi (Trần Thị Mới).' }).waitFor();

    // Found by name typed without diacritics; the new officer is a handler, granted leader too.
    await page.getByRole('textbox', { name: 'Tìm cán bộ' }).fill('tran thi moi');
    await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
    const card = page.getByTestId('officer-row').filter({ hasText: 'Trần Thị Mới' });
    await page.getByRole('status').filter({ hasText: 'Có 1 cán bộ.' }).waitFor();
    assert.match(await card.innerText(), /Đang hoạt động[\s\S]*tran\.thi\.moi[\s\S]*Chuyên viên thụ lý/);
    await choose(page, card, 'Thêm vai trò cho Trần Thị Mới', 'Lãnh đạo');
    await card.getByRole('button', { name: 'Cấp vai trò' }).click();
    await card.getByRole('status').filter({ hasText: 'Đã cấp vai trò Lãnh đạo cho Trần Thị Mới.' }).waitFor();
    await card.getByRole('button', { name: 'Thu hồi vai trò Lãnh đạo của Trần Thị Mới' }).waitFor();
    await portal.assertAccessible(page, 'the agency page');
    await portal.screenshot(page, 'admin-agency');
    const officer = await portal.lifecycle.login('tran.thi.moi', 'mat-khau-ban-dau-2026');
    assert.deepEqual((await officer.get('/api/auth/me')).body.roles.map((r: { role: string }) => r.role).sort(), ['handler', 'leader']);
  });

  it('imports a small catalogue of real lines, watching the progress bar reach 100 %', async () => {
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Nhập danh mục thủ tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập danh mục thủ tục' }).waitFor();
    await portal.assertAccessible(page, 'the import page');
    const lines = fs.readFileSync(seedPath('procedures', 'national-2026', 'procedures.jsonl'), 'utf8').split('\n').slice(0, 3);
    const input = page.locator('input[type=file]');

    // A malformed file is refused before any import, naming the bad line.
    await input.setInputFiles({ name: 'hong.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines[0]}\n{"code": \n`) });
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    await page.getByTestId('bad-lines').getByText('Dòng 2: không phải JSON hợp lệ').waitFor();

    // Real lines: two already in the catalogue, one with a changed name (a new version), one repeated (rejected).
    const changed = JSON.parse(lines[2] as string) as { name: string };
    changed.name = `${changed.name} (sửa đổi)`;
    const content = [lines[0], lines[1], JSON.stringify(changed), lines[0]].join('\n');
    await input.setInputFiles({ name: 'danh-muc.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(content) });
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    const bar = page.getByRole('progressbar', { name: 'Tiến độ nhập danh mục' });
    await bar.waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã nhập xong.' }).waitFor();
    assert.equal(await bar.getAttribute('aria-valuenow'), '100');
    assert.equal(await page.getByTestId('import-percent').innerText(), '100 % (4/4 thủ tục)');
    const count = async (key: string) => page.getByTestId(`summary-${key}`).innerText();
    assert.deepEqual([await count('added'), await count('updated'), await count('unchanged'), await count('rejected')], ['0', '1', '2', '1']);
    await page.getByText(/Dòng 4: duplicate of line 1/).waitFor();
    await portal.assertAccessible(page, 'the finished import');
    await portal.screenshot(page, 'admin-import');
  });

  it('edits a workflow: an invalid budget is shown on its step, then the workflow is saved', async () => {
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Quy trình nội bộ' }).click();
    await page.getByRole('textbox', { name: 'Tìm thủ tục' }).fill('1.002211');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: /^Chọn thủ tục Thủ tục công nhận hòa giải viên/ }).click();
    await page.getByText('Quy trình mặc định (chưa lưu phiên bản nào)').waitFor();
    const steps = page.getByTestId('workflow-step');
    assert.equal(await steps.count(), 5);
    await portal.assertAccessible(page, 'the workflow editor');

    // Keyboard-operable reordering: step 2 moves down and back up.
    await steps.nth(1).getByRole('button', { name: 'Chuyển bước 2 xuống' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Đã chuyển bước sang vị trí 3.' }).waitFor();
    assert.match(await steps.nth(2).innerText(), /Thẩm định, đề xuất/);
    await steps.nth(2).getByRole('button', { name: 'Chuyển bước 3 lên' }).click();
    assert.match(await steps.nth(1).innerText(), /Thẩm định, đề xuất/);

    await steps.nth(2).getByRole('textbox', { name: 'Thời gian' }).fill('-2');
    await page.getByRole('button', { name: 'Lưu quy trình' }).click();
    await page.getByRole('alert').filter({ hasText: 'Quy trình chưa hợp lệ' }).waitFor();
    // The error is on step 3 (issues[].path body.steps.2.budget.value), and only there.
    await steps.nth(2).getByText('thời gian không được âm').waitFor();
    assert.equal(await page.getByText('thời gian không được âm').count(), 1);
    assert.equal(await steps.nth(2).getByRole('textbox', { name: 'Thời gian' }).getAttribute('aria-invalid'), 'true');
    await portal.assertAccessible(page, 'the workflow editor with an error');
    await portal.screenshot(page, 'admin-workflow-error');

    await steps.nth(2).getByRole('textbox', { name: 'Thời gian' }).fill('8');
    await page.getByRole('button', { name: 'Lưu quy trình' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu quy trình, phiên bản 1.' }).waitFor();
    await page.getByText('Phiên bản 1', { exact: true }).waitFor();
    const saved = await (await portal.lifecycle.login('demo.admin')).get(`/api/procedures/${portal.lifecycle.procedureId}/workflow`);
    assert.deepEqual([saved.body.version, saved.body.steps[2].budget], [1, { value: 8, unit: 'working_hours' }]);
  });

  it('reviews and confirms the working calendar of 2030', async () => {
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
    await page.getByTestId('calendar-state').filter({ hasText: /Đã xác nhận \(lần 1\)/ }).waitFor();
    await choose(page, page, 'Năm', '2030');
    await page.getByTestId('calendar-state').filter({ hasText: 'Chưa xác nhận' }).waitFor();
    const days = await page.getByTestId('calendar-days').innerText();
    assert.match(days, /01\/01\/2030[\s\S]*Nghỉ lễ/);
    assert.match(days, /02\/09\/2030/);
    await portal.assertAccessible(page, 'the calendar of 2030');
    await page.getByRole('button', { name: 'Xác nhận lịch năm 2030' }).click();
    await page.getByRole('status').filter({ hasText: /^Đã xác nhận lịch năm 2030 \(lần 1\) với \d+ ngày đặc biệt\.$/ }).waitFor();
    await page.getByTestId('calendar-state').filter({ hasText: /Đã xác nhận \(lần 1\) bởi demo\.admin/ }).waitFor();
    assert.match(await page.getByTestId('calendar-changes').innerText(), /^Xác nhận lịch năm \(năm 2030\)\s+demo\.admin, /);
    await portal.screenshot(page, 'admin-calendar');
  });

  it('shows the settings with a field error from the API', async () => {
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    await page.getByRole('textbox', { name: 'Số giờ làm việc một ngày' }).fill('30');
    await page.getByRole('textbox', { name: 'Lý do thay đổi' }).fill('Thử nghiệm');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('phải nhỏ hơn hoặc bằng 24').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Số giờ làm việc một ngày' }).getAttribute('aria-invalid'), 'true');
    await portal.assertAccessible(page, 'the settings page');
  });

  it('fits a 360 px phone', async () => {
    const phone = await portal.newPage(PHONE);
    await signIn(phone, 'demo.admin');
    for (const [url, ready] of [
      ['/quan-tri', 'admin-home'],
      [`/quan-tri/co-quan/${portal.lifecycle.commune}`, 'officer-row'],
      ['/quan-tri/danh-muc', null],
      [`/quan-tri/quy-trinh?thu-tuc=${portal.lifecycle.procedureId}`, 'workflow-step'],
      ['/quan-tri/lich', 'calendar-days'],
      ['/quan-tri/cai-dat', null],
    ] as const) {
      await phone.goto(url);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      if (ready) await phone.getByTestId(ready).first().waitFor();
      await assertNoHorizontalScroll(phone, url);
      await portal.assertAccessible(phone, `${url} at 360 px`);
    }
    await portal.screenshot(phone, 'admin-settings-phone');
    assert.deepEqual(portal.pageErrors, []);
  });
});
