// The dashboards in Chromium, against a real server and database: three dossiers filed at the commune's desk on
// Monday 23/11/2026 through the API (one resolved early, one resolved late, one left open past its deadline); on
// Wednesday 02/12 a leader opens the indicators, sees the figures those dossiers give, switches the trend chart to its
// table, drills down to the unit, the procedure and a late dossier; the public results page shows its chart and table.
// Every page is checked for accessibility and at 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PHONE, START, assertNoHorizontalScroll, signIn, startPortal, type Portal } from './harness.ts';
import { seedIndicatorScenario } from './indicator-scenario.ts';

// Generated test person (not a real one).
const APPLICANT = { name: 'Đỗ Thị Chỉ Số', phone: '0912000777', idNumber: '001099000777' };
const PROCEDURE = 'Thủ tục công nhận hòa giải viên (cấp xã)';
const FIELD = 'Hòa giải ở cơ sở'; // the procedure's field (lĩnh vực)

describe('dashboards', () => {
  let portal: Portal;
  let communeName: string;
  const codes: Record<'early' | 'late' | 'overdue', string> = { early: '', late: '', overdue: '' };
  let lateId = '';

  before(async () => {
    portal = await startPortal();
    const { lifecycle } = portal;
    communeName = (await (await lifecycle.login('demo.desk')).get(`/api/agencies/${lifecycle.commune}`)).body.name;
    const { early, late, overdue } = await seedIndicatorScenario(portal, APPLICANT, '12/QĐ-UBND');
    Object.assign(codes, { early: early.code, late: late.code, overdue: overdue.code });
    lateId = late.id;
  });
  after(async () => {
    portal?.clock.set(START);
    await portal?.close();
  });

  it('shows a leader the figures of the seeded dossiers, the trend as a table, and drills down to a late dossier', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.leader');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chỉ số, thống kê' }).click();
    await page.waitForURL('**/can-bo/chi-so');
    await page.getByRole('heading', { level: 1, name: 'Chỉ số giải quyết hồ sơ' }).waitFor();
    // Only the dashboard's own link is the current page, not the workspace's whose path it lies under.
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    assert.equal(await nav.getByRole('link', { name: 'Chỉ số, thống kê' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Không gian làm việc' }).getAttribute('aria-current'), null);
    assert.equal(await page.getByRole('combobox', { name: 'Loại kỳ' }).inputValue(), 'year');
    assert.equal(await page.getByRole('combobox', { name: 'Năm' }).inputValue(), '2026');
    // Received 3; resolved 2 (early, late); open: 1 overdue. 2.1: the early one of 3 (the late one, and the open one
    // past its date, are late) ⇒ 33,33 %, 6,67 of 20 points.
    const figure = (key: string) => page.getByTestId(`figure-${key}`).innerText();
    await page.getByTestId('figure-received').waitFor();
    assert.match(await figure('received'), /Hồ sơ tiếp nhận trong kỳ\s+3\b/);
    assert.match(await figure('resolved'), /Đã giải quyết\s+2\b/);
    assert.match(await figure('onTime'), /33,33 %[\s\S]*6,67\/20 điểm/);
    assert.match(await figure('online'), /0 %/);
    assert.match(await figure('overdue'), /quá hạn\s+1\b/);
    // Nobody rated these desk dossiers: no share, and the card says so.
    assert.match(await figure('satisfaction'), /Tỉ lệ hài lòng\s+N\/A\s+Chưa có lượt đánh giá nào/);
    // The 766 index by name: 2.1 as above; 2.2 the average of 8 (early) and 48 (late) working hours, not a rate.
    const indexRow = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) }).locator('td').allInnerTexts();
    assert.deepEqual(await indexRow('2.1 Hồ sơ giải quyết đúng hạn'), ['33,33 %', '6,67/20']);
    assert.equal((await indexRow('2.2 Thời gian giải quyết trung bình (giờ làm việc)'))[0], '28 giờ làm việc');

    // The trend: a chart first, then its table.
    const trend = page.getByRole('region', { name: 'Diễn biến theo tháng' });
    await trend.getByTestId('chart').locator('svg').first().waitFor();
    await portal.assertAccessible(page, 'the dashboard');
    await portal.screenshot(page, 'dashboard');
    await trend.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const trendTable = trend.getByRole('table', { name: 'Hồ sơ tiếp nhận, đã giải quyết và tỉ lệ đúng hạn theo tháng' });
    await trendTable.waitFor();
    assert.equal(await trend.getByTestId('chart').count(), 0);
    const cells = async (month: string) => trendTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: month }) }).locator('td').allInnerTexts();
    assert.deepEqual((await cells('2026-11')).slice(0, 3), ['3', '1', '0']);
    assert.deepEqual((await cells('2026-12')).slice(0, 3), ['0', '1', '1']);
    await portal.assertAccessible(page, 'the dashboard with the trend as a table');
    await trend.getByRole('button', { name: 'Xem dạng biểu đồ' }).click();
    await trend.getByTestId('chart').waitFor();

    // The ranking: the commune first (the only unit with a rate), then its procedures, then the late dossiers.
    const unitRow = page.getByTestId('unit-row').first();
    assert.match(await unitRow.innerText(), /33,33 %/);
    await unitRow.getByRole('link', { name: communeName }).click();
    await page.waitForURL(`**/can-bo/chi-so/don-vi/${portal.lifecycle.commune}?**`);
    await page.getByRole('heading', { level: 1, name: communeName }).waitFor();
    await page.getByTestId('late-row').first().waitFor();
    assert.equal(await page.getByTestId('late-row').count(), 2);
    await portal.assertAccessible(page, 'a unit on the dashboard');
    await portal.screenshot(page, 'dashboard-unit');
    await page.getByTestId('procedure-row').getByRole('link', { name: new RegExp(PROCEDURE.replace(/[()]/g, '\\$&')) }).click();
    await page.getByRole('heading', { level: 1, name: PROCEDURE }).waitFor();
    const lateRows = page.getByTestId('late-row');
    await lateRows.first().waitFor();
    const texts = await lateRows.allInnerTexts();
    assert.equal(texts.length, 2);
    assert.ok(texts.some((t) => t.includes(codes.late) && t.includes('Đã giải quyết quá hạn') && t.includes('Đã có kết quả, chờ trả')), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes(codes.overdue) && t.includes('Đang giải quyết, quá hạn')), texts.join('\n'));
    assert.ok(!texts.some((t) => t.includes(codes.early)), 'the early dossier is not late');
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(APPLICANT.name));
    await portal.assertAccessible(page, 'a procedure on the dashboard');
    await lateRows.getByRole('link', { name: codes.late }).click();
    await page.waitForURL(`**/can-bo/ho-so/${lateId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(codes.late) }).waitFor();
    assert.deepEqual(portal.pageErrors, []);
  });

  it('shows the figures by field as a table, and filters the dashboard by administrative unit', async () => {
    const page = await portal.newPage();
    await signIn(page, 'demo.admin');
    await page.goto('/can-bo/chi-so');
    await page.getByRole('heading', { level: 1, name: 'Chỉ số giải quyết hồ sơ' }).waitFor();
    // By field: the procedure's one field, with the figures of the three dossiers (rank, received, early, on time,
    // late, pending within, pending overdue, 2.1 rate and points, online share).
    const byField = page.getByRole('region', { name: 'Theo lĩnh vực' });
    await byField.getByTestId('chart').locator('svg').first().waitFor();
    await byField.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const fieldTable = byField.getByRole('table', { name: 'Số liệu và tỉ lệ đúng hạn (chỉ số 2.1) của từng lĩnh vực, cao nhất ở trên' });
    await fieldTable.waitFor();
    const fieldRow = fieldTable.getByTestId('field-row');
    assert.equal(await fieldRow.count(), 1);
    assert.equal(await fieldRow.getByRole('rowheader').innerText(), FIELD);
    const FIGURES = ['1', '3', '1', '0', '1', '0', '1', '33,33 %', '6,67', '0 %'];
    assert.deepEqual(await fieldRow.locator('td').allInnerTexts(), FIGURES);
    await portal.assertAccessible(page, 'the dashboard with the figures by field as a table');

    // The unit filter, typed without diacritics: the 2025 ward of the commune; the address keeps it.
    const unit = page.getByRole('combobox', { name: 'Đơn vị hành chính' });
    await unit.fill('ba dinh');
    await page.getByRole('option', { name: 'Phường Ba Đình', exact: true }).click();
    await page.waitForURL('**/can-bo/chi-so?donVi=00004');
    await page.getByTestId('figure-received').waitFor();
    assert.match(await page.getByTestId('figure-received').innerText(), /Hồ sơ tiếp nhận trong kỳ\s+3\b/);
    // The lead names the unit chosen, not "the agencies you may see".
    await page.getByText(/^Số liệu của Phường Ba Đình \(gồm các đơn vị cũ sáp nhập vào\)/).waitFor();
    await page.getByTestId('unit-row').first().waitFor();
    assert.equal(await page.getByTestId('unit-row').count(), 1);
    assert.match(await page.getByTestId('unit-row').innerText(), new RegExp(communeName));
    assert.deepEqual(await page.getByTestId('field-row').first().locator('td').allInnerTexts(), FIGURES);
    await portal.assertAccessible(page, 'the dashboard of one ward');
    await portal.screenshot(page, 'dashboard-unit-filter');

    // A new period keeps the unit: December, the late one resolved.
    await page.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('month');
    await page.getByRole('combobox', { name: 'Tháng', exact: true }).selectOption('12');
    await page.waitForURL('**/can-bo/chi-so?ky=month&nam=2026&thang=12&donVi=00004');
    await page.getByTestId('figure-resolved').waitFor();
    assert.match(await page.getByTestId('figure-resolved').innerText(), /Đã giải quyết\s+1\b/);
    assert.equal(await unit.inputValue(), 'Phường Ba Đình');

    // Another ward, with nothing in it; a reload keeps it.
    await unit.fill('ngoc ha');
    await page.getByRole('option', { name: 'Phường Ngọc Hà', exact: true }).click();
    await page.waitForURL('**/can-bo/chi-so?ky=month&nam=2026&thang=12&donVi=00008');
    await page.getByText('Chưa có số liệu trong kỳ này.').waitFor();
    await page.getByText('Chưa có số liệu theo lĩnh vực trong kỳ này.').waitFor();
    assert.match(await page.getByTestId('figure-received').innerText(), /Hồ sơ tiếp nhận trong kỳ\s+0\b/);
    await page.reload();
    await page.getByText('Chưa có số liệu trong kỳ này.').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Đơn vị hành chính' }).inputValue(), 'Phường Ngọc Hà');
    assert.deepEqual(portal.pageErrors, []);
  });

  it('fits the dashboard pages in 360 px', async () => {
    const page = await portal.newPage(PHONE);
    await signIn(page, 'demo.leader');
    for (const [path, ready, name] of [
      ['/can-bo/chi-so', 'Chỉ số giải quyết hồ sơ', 'dashboard'],
      [`/can-bo/chi-so/don-vi/${portal.lifecycle.commune}?ky=month&nam=2026&thang=12`, communeName, 'dashboard-unit'],
    ]) {
      await page.goto(path as string);
      await page.getByRole('heading', { level: 1, name: ready }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.getByTestId('chart').first().waitFor();
      await assertNoHorizontalScroll(page, `${name} at 360 px`);
      await portal.assertAccessible(page, `${name} at 360 px`);
      await portal.screenshot(page, `phone-${name}`);
    }
  });

  it('shows the public the on-time rate of each agency as a chart and a table, without personal data', async () => {
    for (const viewport of [undefined, PHONE]) {
      const page = await portal.newPage(viewport);
      await page.goto('/ket-qua-giai-quyet');
      await page.getByRole('heading', { level: 1, name: 'Kết quả giải quyết hồ sơ theo cơ quan' }).waitFor();
      const chart = page.getByRole('region', { name: 'Tỉ lệ đúng hạn của từng cơ quan' });
      await chart.getByTestId('chart').locator('svg').first().waitFor();
      const row = page.getByTestId('results-row').filter({ hasText: communeName });
      // Received 3; early 1, on time 0, late 1 ⇒ 50 % of the resolved; open 1, overdue 1.
      assert.deepEqual(await row.locator('td').allInnerTexts(), ['3', '1', '0', '1', '50 %', '1', '1']);
      assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(APPLICANT.name));
      await portal.assertAccessible(page, 'the public results with the chart');
      if (viewport) {
        await assertNoHorizontalScroll(page, 'the public results at 360 px');
        await portal.screenshot(page, 'phone-results-chart');
        continue;
      }
      await portal.screenshot(page, 'results-chart');
      await chart.getByRole('button', { name: 'Xem dạng bảng' }).click();
      const table = chart.getByRole('table', { name: 'Tỉ lệ hồ sơ giải quyết đúng hạn năm 2026, theo cơ quan (%)' });
      await table.waitFor();
      assert.deepEqual(await table.getByTestId('chart-table-row').filter({ hasText: communeName }).locator('td').allInnerTexts(), ['50 %']);
    }
    assert.deepEqual(portal.pageErrors, []);
  });
});
