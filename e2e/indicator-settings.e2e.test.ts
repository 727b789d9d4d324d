// The 766 index settings page in Chromium, against a real server and database: demo.admin opens *Cấu hình chỉ số 766*
// from the administration, sets 4.2's threshold to 25 % and stops counting 5.4 (the total drops from 100 to 94),
// saves, reloads and finds them kept; a negative number of points is refused under its field and nothing is saved; a
// save on a version someone else has replaced meanwhile is refused (409) and offers the new settings. The province
// leader (demo.lanhdao) reads the same page without a way to change it, and opens the leaders' dashboard from the
// main navigation to see the province's figures. Each page is checked for accessibility, and at 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { agencies, indicatorDayCounts } from '../src/server/db/schema.ts';
import { PHONE, START, assertNoHorizontalScroll, signIn, startPortal, type Portal } from './harness.ts';

const NOW = '2026-12-30T03:00:00Z';
const PAGE = '/quan-tri/chi-so-766';
const TITLE = 'Cấu hình chỉ số 766';
const THRESHOLD_4_2 = 'Ngưỡng T (%) của 4.2 Hồ sơ được số hóa';
const COUNT_5_4 = 'Tính điểm chỉ tiêu 5.4 Hài lòng về giải quyết TTHC';
const POINTS_1_1 = 'Điểm tối đa của 1.1 Công bố TTHC đúng hạn';
const total = (points: number) => `Tổng điểm tối đa của bộ chỉ số: ${points} điểm`;

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByTestId('total-points').waitFor();
}

describe('the 766 index settings page', () => {
  let portal: Portal;
  /** GET /api/indicator-settings as demo.admin. */
  let readSettings: () => Promise<{ version: number; overrides: unknown; totalPoints: number }>;

  before(async () => {
    portal = await startPortal();
    const { lifecycle } = portal;
    // Figures of two communes on Thursday 10/12/2026 (the daily aggregates the dashboard reads), for the leader's
    // ranking: 3 received and open at the demo commune (00004), 5 at Phường Ngọc Hà (00008).
    const db = lifecycle.ctx.deps.db;
    const communes = await db.select({ id: agencies.id, seedKey: agencies.seedKey }).from(agencies).where(inArray(agencies.seedKey, ['01:commune:00004', '01:commune:00008']));
    assert.equal(communes.length, 2);
    for (const [seedKey, value] of [['01:commune:00004', 3], ['01:commune:00008', 5]] as const) {
      const agencyId = communes.find((c) => c.seedKey === seedKey)!.id;
      const row = { provinceCode: '01', agencyId, procedureId: lifecycle.procedureId, day: '2026-12-10' };
      await db.insert(indicatorDayCounts).values([
        { ...row, measure: 'received_in_person', value },
        { ...row, measure: 'open', value },
      ]);
    }
    assert.equal((await db.select().from(indicatorDayCounts).where(eq(indicatorDayCounts.day, '2026-12-10'))).length, 4);
    // Wednesday 30/12/2026 10:00: still in 2026 (the dashboard's default period), and the browser keeps the session
    // cookie, whose expiry (7 days) follows the server's clock, while the machine's date is before 06/01/2027.
    portal.clock.set(NOW);
    const admin = await lifecycle.login('demo.admin');
    readSettings = async () => {
      const response = await admin.get('/api/indicator-settings');
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };
  });
  after(async () => {
    portal?.clock.set(START);
    await portal?.close();
  });

  it('lets the province administrator change a threshold and a sub-indicator, see the total, save and keep them', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.admin');
    await page.getByRole('link', { name: 'Quản trị', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();
    await page.getByTestId('admin-home').getByRole('link', { name: TITLE }).waitFor();
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**${PAGE}`);
    await openSettings(page);
    await page.getByText('Phiên bản 0: tỉnh đang dùng cấu hình mặc định.').waitFor();
    assert.equal(await page.getByTestId('total-points').innerText(), total(100));
    assert.equal(await page.getByTestId('group-max-satisfaction').innerText(), 'Tối đa 18 điểm');
    const threshold = page.getByRole('textbox', { name: THRESHOLD_4_2 });
    const count54 = page.getByRole('switch', { name: COUNT_5_4 });
    assert.equal(await threshold.inputValue(), '80');
    assert.equal(await count54.isChecked(), true);
    assert.equal(await page.getByTestId('row-4.2').getByText('Mặc định', { exact: true }).count(), 1);
    await portal.assertAccessible(page, 'the 766 settings page');

    await threshold.fill('25');
    await count54.uncheck();
    // The total and the group's maximum follow at once; the changed rows say so, with their defaults.
    assert.equal(await page.getByTestId('total-points').innerText(), total(94));
    assert.equal(await page.getByTestId('group-max-satisfaction').innerText(), 'Tối đa 12 điểm');
    await page.getByText('Tổng các nhóm đang khác 100 điểm.').waitFor();
    const row42 = page.getByTestId('row-4.2');
    await row42.getByText('Đã đổi').waitFor();
    await row42.getByText('Mặc định: 4 điểm, ngưỡng 80 %').waitFor();
    await page.getByTestId('row-5.4').getByRole('button', { name: 'Đặt 5.4 Hài lòng về giải quyết TTHC về mặc định' }).waitFor();
    await portal.assertAccessible(page, 'the 766 settings page with changes');
    await portal.screenshot(page, 'indicator-settings-changed');
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    await page.getByTestId('save-message').filter({ hasText: 'Đã lưu cấu hình, phiên bản 1.' }).waitFor();
    const saved = await readSettings();
    assert.equal(saved.version, 1);
    // Only the two changes are stored, the threshold as a fraction.
    assert.deepEqual(saved.overrides, { subIndicators: { '4.2': { threshold: 0.25 }, '5.4': { enabled: false } } });
    assert.equal(saved.totalPoints, 94);

    await page.reload();
    await openSettings(page);
    await page.getByText('Phiên bản 1.').waitFor();
    assert.equal(await page.getByRole('textbox', { name: THRESHOLD_4_2 }).inputValue(), '25');
    assert.equal(await page.getByRole('switch', { name: COUNT_5_4 }).isChecked(), false);
    assert.equal(await page.getByTestId('total-points').innerText(), total(94));
    assert.deepEqual(portal.pageErrors, []);
  });

  it('refuses a negative number of points under its field and saves nothing', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.admin');
    await page.goto(PAGE);
    await openSettings(page);
    const points = page.getByRole('textbox', { name: POINTS_1_1 });
    await points.fill('-1');
    const message = 'điểm phải là số không âm';
    await page.getByTestId('row-1.1').getByText(message).waitFor();
    assert.equal(await points.getAttribute('aria-invalid'), 'true');
    // The error is the input's description for screen readers.
    const describedBy = (await points.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    assert.ok(descriptions.includes(message), `aria-describedby of the points: ${JSON.stringify(descriptions)}`);
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    await page.getByRole('alert').filter({ hasText: 'Có 1 ô chưa hợp lệ, hãy sửa trước khi lưu.' }).waitFor();
    await portal.assertAccessible(page, 'the 766 settings page with a field error');
    assert.equal((await readSettings()).version, 1);

    // Back to the default, the error goes.
    await page.getByTestId('row-1.1').getByRole('button', { name: 'Đặt 1.1 Công bố TTHC đúng hạn về mặc định' }).click();
    assert.equal(await points.inputValue(), '6');
    assert.equal(await page.getByTestId('row-1.1').getByText(message).count(), 0);
    assert.deepEqual(portal.pageErrors, []);
  });

  it('tells the administrator when someone else saved meanwhile, and loads their settings', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.admin');
    await page.goto(PAGE);
    await openSettings(page);
    await page.getByText('Phiên bản 1.').waitFor();
    // Another administrator's session puts 5.4 back and sets the band "Tốt" to 85.
    const other = await portal.lifecycle.login('demo.admin');
    const put = await other.request('PUT', '/api/indicator-settings', { version: 1, settings: { subIndicators: { '4.2': { threshold: 0.25 } }, bands: { good: 85 } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    await page.getByRole('textbox', { name: THRESHOLD_4_2 }).fill('30');
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Người khác vừa thay đổi cấu hình này (nay là phiên bản 2).' });
    await stale.waitFor();
    assert.equal((await readSettings()).version, 2);
    await stale.getByRole('button', { name: 'Tải cấu hình mới' }).click();
    await page.getByText('Phiên bản 2.').waitFor();
    assert.equal(await page.getByRole('textbox', { name: THRESHOLD_4_2 }).inputValue(), '25');
    assert.equal(await page.getByRole('textbox', { name: 'Điểm tối thiểu (%) của mức Tốt' }).inputValue(), '85');
    assert.equal(await page.getByRole('switch', { name: COUNT_5_4 }).isChecked(), true);
    assert.equal(await page.getByTestId('total-points').innerText(), total(100));
    assert.deepEqual(portal.pageErrors, []);
  });

  it('shows the province leader the settings without a way to change them', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.lanhdao');
    await page.goto(PAGE);
    await openSettings(page);
    await page.getByText('Chỉ quản trị tỉnh được thay đổi cấu hình này.', { exact: false }).waitFor();
    const threshold = page.getByRole('textbox', { name: THRESHOLD_4_2 });
    assert.equal(await threshold.inputValue(), '25');
    assert.notEqual(await threshold.getAttribute('readonly'), null);
    assert.equal(await page.getByRole('textbox', { name: 'Điểm tối thiểu (%) của mức Tốt' }).inputValue(), '85');
    const count54 = page.getByRole('switch', { name: COUNT_5_4 });
    assert.equal(await count54.isChecked(), true);
    assert.equal(await count54.isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Lưu cấu hình' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /về mặc định$/ }).count(), 0);
    // Not an administrator: no administration menu.
    assert.equal(await page.getByRole('navigation', { name: 'Các mục quản trị' }).count(), 0);
    await portal.assertAccessible(page, 'the 766 settings page, read-only');
    assert.deepEqual(portal.pageErrors, []);
  });

  it('takes the province leader from the main navigation to the dashboard of the whole province', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.lanhdao');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Chỉ số, thống kê' }).click();
    await page.waitForURL('**/can-bo/chi-so');
    await page.getByRole('heading', { level: 1, name: 'Chỉ số giải quyết hồ sơ' }).waitFor();
    // The province's figures: both communes' received dossiers, and both in the ranking.
    await page.getByTestId('figure-received').waitFor();
    assert.match(await page.getByTestId('figure-received').innerText(), /Hồ sơ tiếp nhận trong kỳ\s+8\b/);
    await page.getByTestId('unit-row').first().waitFor();
    assert.equal(await page.getByTestId('unit-row').count(), 2);
    await portal.assertAccessible(page, "the province leader's dashboard");
    // The dashboard links a province leader to the index's settings (read-only for them).
    await page.getByRole('link', { name: 'Cấu hình chỉ số 766' }).click();
    await page.waitForURL('**/quan-tri/chi-so-766');
    assert.deepEqual(portal.pageErrors, []);
  });

  it('fits a 360 px phone, the tables scrolling in their own regions', async () => {
    const page = await portal.newPage(PHONE);
    await signIn(page, 'demo.admin');
    await page.goto(PAGE);
    await openSettings(page);
    await assertNoHorizontalScroll(page, 'the 766 settings page at 360 px');
    const region = page.getByRole('region', { name: 'Các chỉ tiêu của nhóm Số hóa hồ sơ' });
    assert.equal(await region.getAttribute('tabindex'), '0');
    await portal.assertAccessible(page, 'the 766 settings page at 360 px');
    await portal.screenshot(page, 'indicator-settings-phone');
    assert.deepEqual(portal.pageErrors, []);
  });
});
