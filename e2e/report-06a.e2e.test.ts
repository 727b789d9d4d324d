// Form II.06a in Chromium, against a real server and database: the dashboard's three dossiers (filed at the commune's
// desk on Monday 23/11/2026 through the API; one resolved early, one resolved late, one left open past its deadline).
// On Wednesday 02/12 a leader opens the form from the dashboard, reads the figures in the cells of the official layout,
// switches to rows by field and level and to the month of December, downloads the .xlsx and the .pdf, and the page
// fits 360 px with the table scrolling in its own region.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, START, assertNoHorizontalScroll, signIn, startPortal, type Portal } from './harness.ts';
import { seedIndicatorScenario } from './indicator-scenario.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Đỗ Thị Biểu Mẫu', phone: '0912000766', idNumber: '001099000766' };
const TITLE = 'Biểu II.06a: tình hình, kết quả giải quyết thủ tục hành chính';
// Columns (3)–(13): received total, online, in person or by post, carried over; resolved total, early, on time, late;
// pending total, within deadline, overdue.
// The year 2026 up to 02/12: 3 received in person; 2 resolved (the early one, the late one); 1 pending, overdue.
const YEAR = ['3', '0', '3', '0', '2', '1', '0', '1', '1', '0', '1'];
// December: the late and the overdue ones carried over from November; the late one resolved; the other still overdue.
const DECEMBER = ['2', '0', '0', '2', '1', '0', '0', '1', '1', '0', '1'];
const ZERO = Array.from({ length: 11 }, () => '0');

/** The figures of a row, after STT and its header cell. */
async function figures(page: Page, header: string): Promise<string[]> {
  const row = page.getByTestId('report-row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
  return (await row.locator('td').allInnerTexts()).slice(1);
}

/** Fetches a download link in the page (with its cookies) and says what came back. */
async function fetchLink(page: Page, name: string): Promise<{ status: number; type: string | null; bytes: number }> {
  const href = await page.getByRole('link', { name }).getAttribute('href');
  assert.ok(href, `${name} has an address`);
  assert.notEqual(await page.getByRole('link', { name }).getAttribute('download'), null, `${name} is a download`);
  return page.evaluate<{ status: number; type: string | null; bytes: number }>(
    `fetch(${JSON.stringify(href)}).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength }))`,
  );
}

describe('form II.06a on screen', () => {
  let portal: Portal;
  let communeName: string;
  let field: string;

  before(async () => {
    portal = await startPortal();
    const { lifecycle } = portal;
    const desk = await lifecycle.login('demo.desk');
    communeName = (await desk.get(`/api/agencies/${lifecycle.commune}`)).body.name;
    field = (await desk.get(`/api/procedures/${lifecycle.procedureId}`)).body.field;
    assert.ok(field, 'the procedure has a field (lĩnh vực)');
    await seedIndicatorScenario(portal, APPLICANT, '13/QĐ-UBND');
  });
  after(async () => {
    portal?.clock.set(START);
    await portal?.close();
  });

  it('shows a leader the form by agency and by field, for the year and for December, with its downloads', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.leader');
    await page.goto('/can-bo/chi-so');
    await page.getByRole('heading', { level: 1, name: 'Chỉ số giải quyết hồ sơ' }).waitFor();
    await page.getByRole('link', { name: 'Biểu II.06a' }).click();
    await page.waitForURL('**/can-bo/chi-so/bieu-ii-06a?ky=year&nam=2026');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Theo cơ quan' }).isChecked(), true);

    // The caption gives the period and the report instant; the headers are grouped as on the official form.
    const table = page.getByRole('table', {
      name: 'Tình hình, kết quả giải quyết thủ tục hành chính, kỳ báo cáo từ ngày 01/01/2026 đến ngày 31/12/2026, số liệu đến 00 giờ ngày 02/12/2026 (đơn vị tính: hồ sơ)',
    });
    await table.waitFor();
    const groups = table.locator('th[scope="colgroup"]');
    assert.deepEqual(await groups.allInnerTexts(), ['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết']);
    assert.deepEqual(await groups.evaluateAll((ths) => ths.map((th) => th.getAttribute('colspan'))), ['4', '4', '3']);
    assert.deepEqual(await table.locator('thead th[scope="col"]').allInnerTexts(), [
      'STT', 'Đơn vị',
      'Tổng số', 'Trực tuyến', 'Trực tiếp và qua bưu chính', 'Từ kỳ trước',
      'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn',
      'Tổng số', 'Trong hạn', 'Quá hạn',
    ]);
    // The leader's agencies: the commune with the three dossiers, the other with zeros; the total is the commune's.
    assert.equal(await page.getByTestId('report-row').count(), 2);
    assert.deepEqual(await figures(page, communeName), YEAR);
    const other = page.getByTestId('report-row').filter({ hasNot: page.getByRole('rowheader', { name: communeName, exact: true }) });
    assert.deepEqual((await other.locator('td').allInnerTexts()).slice(1), ZERO);
    const total = page.getByTestId('report-total');
    assert.match(await total.getByRole('rowheader').innerText(), /^Tổng cộng$/);
    assert.deepEqual(await total.locator('td').allInnerTexts(), YEAR);
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(APPLICANT.name));
    await portal.assertAccessible(page, 'form II.06a by agency');
    await portal.screenshot(page, 'report-06a');

    // By field and level: one row, the procedure's field at commune level, the same figures.
    await page.getByRole('radio', { name: 'Theo lĩnh vực và cấp' }).click();
    await page.waitForURL('**/can-bo/chi-so/bieu-ii-06a?ky=year&nam=2026&theo=linh-vuc');
    await page.getByRole('columnheader', { name: 'Lĩnh vực (cấp giải quyết)' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Theo lĩnh vực và cấp' }).isChecked(), true);
    assert.equal(await page.getByTestId('report-row').count(), 1);
    assert.deepEqual(await figures(page, `${field} (cấp xã)`), YEAR);
    assert.deepEqual(await page.getByTestId('report-total').locator('td').allInnerTexts(), YEAR);

    // December: the period picker keeps the grouping, and the grouping keeps the period.
    await page.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('month');
    await page.getByRole('combobox', { name: 'Tháng', exact: true }).selectOption('12');
    await page.waitForURL('**/can-bo/chi-so/bieu-ii-06a?ky=month&nam=2026&thang=12&theo=linh-vuc');
    await page.getByRole('table', { name: /từ ngày 01\/12\/2026 đến ngày 31\/12\/2026, số liệu đến 00 giờ ngày 02\/12\/2026/ }).waitFor();
    assert.deepEqual(await figures(page, `${field} (cấp xã)`), DECEMBER);
    await portal.assertAccessible(page, 'form II.06a by field and level');
    await portal.screenshot(page, 'report-06a-field');

    // The downloads: the same query as files, fetched with the session cookie.
    const xlsxHref = await page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).getAttribute('href');
    assert.equal(xlsxHref, '/api/reports/ii-06a?from=2026-12-01&to=2027-01-01&groupBy=field&format=xlsx');
    const xlsx = await fetchLink(page, 'Tải Excel (.xlsx)');
    assert.deepEqual([xlsx.status, xlsx.type], [200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    assert.ok(xlsx.bytes > 1000, `an .xlsx of ${xlsx.bytes} bytes`);
    const pdf = await fetchLink(page, 'Tải PDF');
    assert.deepEqual([pdf.status, pdf.type], [200, 'application/pdf']);
    assert.ok(pdf.bytes > 1000, `a PDF of ${pdf.bytes} bytes`);

    // Back by agency with the keyboard (the arrow key in the radio group), still December; the focus stays put.
    await page.getByRole('radio', { name: 'Theo lĩnh vực và cấp' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL('**/can-bo/chi-so/bieu-ii-06a?ky=month&nam=2026&thang=12');
    await page.getByRole('columnheader', { name: 'Đơn vị', exact: true }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Theo cơ quan' }).isChecked(), true);
    assert.equal(await page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("value")'), 'agency');
    assert.deepEqual(await figures(page, communeName), DECEMBER);
    assert.deepEqual(portal.pageErrors, []);
  });

  it('opens by field from the address, and fits 360 px: the table scrolls in its own region, not the page', async () => {
    const page = await portal.newPage(PHONE);
    await signIn(page, 'demo.leader');
    await page.goto('/can-bo/chi-so/bieu-ii-06a?ky=year&nam=2026&theo=linh-vuc');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Theo lĩnh vực và cấp' }).isChecked(), true);
    const region = page.getByRole('region', { name: 'Bảng biểu II.06a, cuộn ngang để xem hết các cột' });
    await region.getByTestId('report-total').waitFor();
    assert.deepEqual(await figures(page, `${field} (cấp xã)`), YEAR);
    await assertNoHorizontalScroll(page, 'form II.06a at 360 px');
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    assert.ok(scrollWidth > clientWidth, `the table region scrolls: ${scrollWidth} px in ${clientWidth} px`);
    await portal.assertAccessible(page, 'form II.06a at 360 px');
    await portal.screenshot(page, 'phone-report-06a');
    assert.deepEqual(portal.pageErrors, []);
  });
});
