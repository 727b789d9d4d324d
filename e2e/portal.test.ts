// Journeys through the public portal in Chromium, against a real server and database: finding a procedure without
// typing diacritics, the appointment the legal clock gives, tracking a dossier by code and phone digits, every
// page at 360 px, and the switch to English. Each page is checked with axe-core and photographed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, PHONE, START, assertNoHorizontalScroll, startPortal, type Portal } from './harness.ts';

const APPLICANT = { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', idNumber: '001190012345' };

describe('public portal', () => {
  let portal: Portal;
  let birthRegistrationId: string;
  let dossierCode: string;

  before(async () => {
    portal = await startPortal();
    const desk = await portal.lifecycle.login('demo.desk');
    birthRegistrationId = (await desk.get('/api/procedures?q=1.001193')).body.items[0].id;
    const filed = await desk.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: portal.lifecycle.procedureId,
      channel: 'in_person',
      receivingAgencyId: portal.lifecycle.commune,
      applicant: APPLICANT,
      components: [{ name: 'Biên bản bầu hòa giải viên', provided: true }],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    dossierCode = filed.body.code;
  });

  after(async () => {
    await portal?.close();
  });

  it('finds "đăng ký khai sinh" typed without diacritics and opens its page in Vietnamese', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.getByRole('heading', { level: 1, name: 'Tra cứu và thực hiện thủ tục hành chính' }).waitFor();
    await portal.assertAccessible(page, 'the home page');

    await page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' }).pressSequentially('dang ky khai sinh', { delay: 30 });
    const suggestion = page.getByRole('option', { name: /^Thủ tục đăng ký khai sinh\s*1\.001193/ });
    await suggestion.waitFor();
    await portal.assertAccessible(page, 'the home page with suggestions open');
    await portal.screenshot(page, 'portal-home-suggestions');
    await suggestion.click();

    await page.waitForURL(`**/thu-tuc/${birthRegistrationId}`);
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    for (const section of ['Thông tin chung', 'Cách thức nộp, thời hạn và lệ phí', 'Trình tự thực hiện', 'Thành phần hồ sơ', 'Căn cứ pháp lý', 'Cơ quan thực hiện']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    const text = await page.locator('main').innerText();
    assert.match(text, /Hộ tịch/);
    assert.match(text, /Miễn phí/);
    assert.match(text, /UBND phường Ba Đình/);
    // The catalogue gives this procedure a duration without a unit: the page says so instead of guessing a date.
    assert.match(text, /Chưa tính được ngày hẹn/);
    assert.equal(await page.title(), 'Thủ tục đăng ký khai sinh · Cổng dịch vụ công');
    await portal.assertAccessible(page, 'the procedure page');
    await portal.screenshot(page, 'portal-procedure');
  });

  it('opens a suggestion with the keyboard alone', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').textContent(), 'Bỏ qua, đến nội dung chính');
    const box = page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' });
    await box.focus();
    // The list keeps the previous query's suggestions until the next arrive: wait for those of the whole text, so
    // that the arrow does not pick an option that is about to be replaced (it did on a loaded machine).
    const finalSuggestions = page.waitForResponse(
      (r) => r.url().includes('/api/procedures?') && new URL(r.url()).searchParams.get('q') === 'dang ky khai sinh',
    );
    await box.pressSequentially('dang ky khai sinh', { delay: 30 });
    await finalSuggestions;
    await page.getByRole('option').first().filter({ hasText: /đăng ký khai sinh/i }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/thu-tuc/${birthRegistrationId}`);
    // Focus moves to the new page's main region (once the new page has rendered), so reading starts there.
    await page.locator('main#main-content:focus').waitFor({ timeout: 5_000 });
  });

  it('shows the appointment the legal clock computes if one filed now', async () => {
    const desk = await portal.lifecycle.login('demo.desk');
    const expected = await desk.post('/api/deadlines/preview', { provinceCode: '01', receivedAt: START, procedureId: portal.lifecycle.procedureId, channel: 'in_person' });
    assert.equal(expected.status, 200);
    const due = new Date(expected.body.dueAt);
    const inHanoi = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', ...options }).format(due);
    const dueDate = inHanoi({ day: '2-digit', month: '2-digit', year: 'numeric' });
    const dueTime = inHanoi({ hour: '2-digit', minute: '2-digit', hour12: false });

    const page = await portal.newPage();
    await page.goto(`/thu-tuc/${portal.lifecycle.procedureId}`);
    const appointment = page.getByTestId('appointment-in_person');
    await appointment.filter({ hasText: 'Ngày hẹn trả kết quả' }).waitFor();
    assert.match(await appointment.innerText(), new RegExp(`${dueTime}, .*${dueDate.replace(/\//g, '\\/')}`));
    assert.match(await page.locator('main').innerText(), /5 ngày làm việc/);
  });

  it('finds a dossier by its code and the last 4 phone digits, and refuses a wrong phone', async () => {
    const page = await portal.newPage();
    // The QR code on the receipt opens this address.
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(dossierCode)}`);
    const code = page.getByRole('textbox', { name: 'Mã hồ sơ' });
    const phone = page.getByRole('textbox', { name: '4 số cuối số điện thoại' });
    assert.equal(await code.inputValue(), dossierCode);

    await phone.fill('0000');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('tracking-not-found').waitFor();
    assert.match(await page.getByTestId('tracking-not-found').innerText(), /Không tìm thấy hồ sơ với mã và số điện thoại này/);
    await portal.assertAccessible(page, 'the tracking page (not found)');

    await phone.fill('5678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${dossierCode}` }).waitFor();
    const result = await page.locator('main').innerText();
    assert.match(result, /Thủ tục công nhận hòa giải viên/);
    assert.match(result, /Đã tiếp nhận/);
    assert.match(result, /Ngày hẹn trả kết quả/);
    assert.match(await page.getByTestId('tracking-timing').innerText(), /đang được giải quyết trong hạn/);
    assert.equal(await page.getByTestId('tracking-not-found').count(), 0);
    await portal.assertAccessible(page, 'the tracking page (found)');
    await portal.screenshot(page, 'portal-tracking');

    // Past the appointment, the same page says in words that the dossier is overdue.
    portal.clock.set('2027-01-15T03:00:00Z');
    try {
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Quá hạn', { exact: true }).waitFor();
      assert.match(await page.getByTestId('tracking-timing').innerText(), /đã quá ngày hẹn trả kết quả/);
      await portal.assertAccessible(page, 'the tracking page (overdue)');
      await portal.screenshot(page, 'portal-tracking-overdue');
    } finally {
      portal.clock.set(START);
    }
  });

  it("lists each agency's results for the year, without personal data", async () => {
    const desk = await portal.lifecycle.login('demo.desk');
    const commune = (await desk.get(`/api/agencies/${portal.lifecycle.commune}`)).body.name as string;
    const page = await portal.newPage();
    // The public figures come from the daily aggregates, counted up to the start of today: look from the next day.
    portal.clock.set('2026-11-24T03:00:00Z');
    try {
      await page.goto('/');
      await page.getByRole('link', { name: 'Kết quả giải quyết' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kết quả giải quyết hồ sơ theo cơ quan' }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'Năm' }).inputValue(), '2026');
      const row = page.getByTestId('results-row').filter({ hasText: commune });
      await row.waitFor();
      // The desk's dossier of before(): received, still open, not yet due.
      assert.deepEqual(await row.locator('td').allInnerTexts(), ['1', '0', '0', '0', 'Chưa có', '1', '0']);
      assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(APPLICANT.name));
      // The procedures offered online, by level: the province's row shows the public API's count of procedures.
      const services = (await (await page.request.get('/api/public/online-services')).json()) as { total: { procedures: number }; byAgency: unknown[] };
      assert.ok(services.total.procedures > 0 && services.byAgency.length > 0);
      const total = page.getByTestId('online-services-total');
      await total.waitFor();
      assert.equal((await total.locator('td').first().innerText()).replace(/\D/g, ''), String(services.total.procedures));
      assert.equal(await page.getByTestId('online-services-row').count(), services.byAgency.length);
      await portal.assertAccessible(page, 'the results page');
      await portal.screenshot(page, 'results');
      await page.getByRole('combobox', { name: 'Năm' }).selectOption('2025');
      await page.getByText('Chưa có hồ sơ nào được tiếp nhận trong năm 2025.').waitFor();
    } finally {
      portal.clock.set(START);
    }
  });

  it('fits every public page in 360 px without sideways scrolling', async () => {
    const page = await portal.newPage(PHONE);
    const pages = [
      { path: '/', name: 'home', ready: 'Tra cứu và thực hiện thủ tục hành chính' },
      { path: '/thu-tuc', name: 'catalogue', ready: 'Danh mục thủ tục hành chính' },
      { path: `/thu-tuc/${birthRegistrationId}`, name: 'procedure', ready: 'Thủ tục đăng ký khai sinh' },
      { path: `/thu-tuc/${portal.lifecycle.procedureId}`, name: 'procedure-with-appointment', ready: 'Thủ tục công nhận hòa giải viên (cấp xã)' },
      { path: '/tra-cuu', name: 'tracking', ready: 'Tra cứu hồ sơ' },
      { path: '/ket-qua-giai-quyet', name: 'results', ready: 'Kết quả giải quyết hồ sơ theo cơ quan' },
      { path: '/dang-nhap', name: 'login', ready: 'Đăng nhập' },
      { path: '/can-bo', name: 'workspace', ready: 'Không gian làm việc của cán bộ' },
      { path: '/khong-co-trang-nay', name: 'not-found', ready: 'Không tìm thấy trang' },
    ];
    for (const { path, name, ready } of pages) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: ready }).waitFor();
      await page.waitForLoadState('networkidle');
      await assertNoHorizontalScroll(page, name);
      await portal.assertAccessible(page, `${name} at 360 px`);
      await portal.screenshot(page, `phone-${name}`);
    }
    // Long catalogue pages: the pagination must fit too.
    await page.goto('/thu-tuc?page=5');
    await page.getByRole('navigation', { name: 'Trang kết quả' }).waitFor();
    await assertNoHorizontalScroll(page, 'catalogue page 5');

    // The tracking result, the widest content (a long dossier code).
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(dossierCode)}`);
    await page.getByRole('textbox', { name: '4 số cuối số điện thoại' }).fill('5678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${dossierCode}` }).waitFor();
    await assertNoHorizontalScroll(page, 'tracking result');
    await portal.screenshot(page, 'phone-tracking-result');

    // The menu folds into a drawer on a phone.
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
  });

  it('switches the whole page to English and remembers it', async () => {
    const page = await portal.newPage(DESKTOP);
    await page.goto('/');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh (English)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find and complete administrative procedures' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.ok(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Track a dossier' }).isVisible());
    await portal.assertAccessible(page, 'the home page in English');
    await portal.screenshot(page, 'portal-home-en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Find and complete administrative procedures' }).waitFor();
    await page.getByRole('link', { name: 'Administrative procedures', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue of administrative procedures' }).waitFor();
    await page.getByText(/Procedures found: [\d,]+\./).waitFor();

    await page.getByRole('button', { name: 'Switch to Vietnamese (Tiếng Việt)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  });

  it('signs an officer in and out', async () => {
    const page = await portal.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.getByText('Vui lòng nhập tên đăng nhập.').waitFor();
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('demo.desk');
    await page.getByLabel('Mật khẩu', { exact: false }).first().fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.getByRole('alert').filter({ hasText: /mật khẩu/i }).waitFor();
    await portal.assertAccessible(page, 'the login page with an error');

    await page.getByLabel('Mật khẩu', { exact: false }).first().fill('motcua-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.waitForURL('**/can-bo');
    await page.getByRole('heading', { level: 1, name: 'Không gian làm việc của cán bộ' }).waitFor();
    await page.getByText(/Đã đăng nhập: /).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('link', { name: 'Đăng nhập' }).first().waitFor();
    assert.equal((await page.request.get('/api/auth/me')).status(), 401);
  });

  it('takes a citizen who signs in from the menu to their dossiers', async () => {
    const page = await portal.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('demo.citizen');
    await page.getByLabel('Mật khẩu', { exact: false }).first().fill('motcua-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.waitForURL((url) => url.pathname === '/ca-nhan');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
  });

  it('raised no uncaught error in any page', () => {
    assert.deepEqual(portal.pageErrors, []);
  });
});
