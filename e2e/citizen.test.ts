// The citizen's journeys in Chromium, against a real server and database: find "đăng ký khai sinh" without
// diacritics, register, file it online with a real PDF (checked before upload, progress shown), follow it while the
// officers process it (API), track it by code, download the result and rate it; answer a supplement request from the
// dossier page; save a draft, reload, resume and file it. Pages are checked with axe-core, at 360 px, and photographed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TestClient } from '../src/server/testing/http-client.ts';
import { PHONE, assertNoHorizontalScroll, startPortal, type Portal } from './harness.ts';

/** A small but valid one-page PDF (header, catalog, pages, page, xref, trailer), padded to `size` bytes with a comment. */
function makePdf(title: string, size = 0): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = `%PDF-1.4\n% ${title}\n`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj ${object} endobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const pad = Math.max(0, size - Buffer.byteLength(body));
  return Buffer.concat([Buffer.from(body), Buffer.from(`%${'x'.repeat(Math.max(0, pad - 2))}\n`.slice(0, pad))]);
}

async function signIn(page: Page, username: string, next: string): Promise<void> {
  await page.goto(`/dang-nhap?tiep=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: false }).first().fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.waitForURL(`**${next.split('?')[0]}*`);
}

async function statusIs(page: Page, status: string): Promise<void> {
  await page.getByTestId('dossier-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();
}

describe('citizen journeys', () => {
  let portal: Portal;
  let birthRegistrationId: string;
  let desk: TestClient, handler: TestClient, leader: TestClient, clerk: TestClient;
  let handlerId: string;

  const act = async (client: TestClient, id: string, type: string, fields: Record<string, unknown> = {}) => {
    const current = (await client.get(`/api/dossiers/${id}`)).body;
    const result = await portal.lifecycle.act(client, current, type, fields);
    assert.equal(result.status, 200, `${type}: ${JSON.stringify(result.body)}`);
    return result.body as { code: string; status: string };
  };

  before(async () => {
    portal = await startPortal();
    desk = await portal.lifecycle.login('demo.desk');
    handler = await portal.lifecycle.login('demo.handler');
    leader = await portal.lifecycle.login('demo.leader');
    clerk = await portal.lifecycle.login('demo.clerk');
    handlerId = (await handler.get('/api/auth/me')).body.id;
    birthRegistrationId = (await desk.get('/api/procedures?q=1.001193')).body.items[0].id;
  });

  after(async () => {
    await portal?.close();
  });

  it('finds birth registration, registers, files online with a PDF, follows it to the result, downloads it and rates it', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' }).pressSequentially('dang ky khai sinh', { delay: 30 });
    await page.getByRole('option', { name: /^Thủ tục đăng ký khai sinh\s*1\.001193/ }).click();
    await page.waitForURL(`**/thu-tuc/${birthRegistrationId}`);
    // The catalogue offers it online ("Trực tuyến") and UBND phường Ba Đình implements it.
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
    await page.waitForURL(`**/ca-nhan/nop/${birthRegistrationId}`);

    // A visitor is asked to sign in or register; registering keeps the way back to the e-form.
    await page.getByRole('link', { name: 'Chưa có tài khoản? Đăng ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' }).waitFor();
    await portal.assertAccessible(page, 'the register page');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByText('Vui lòng nhập họ và tên.').waitFor();
    await page.getByText('Mật khẩu phải có ít nhất 8 ký tự.').waitFor();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Phạm Thị Lan');
    await page.getByRole('textbox', { name: 'Số điện thoại hoặc e-mail' }).fill('0987111222');
    await page.getByLabel('Mật khẩu', { exact: false }).first().fill('mat-khau-rat-dai');
    await portal.screenshot(page, 'citizen-register');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.waitForURL(`**/ca-nhan/nop/${birthRegistrationId}`);

    // The e-form: name and phone come from the account; where to file is chosen among the agencies offering it.
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Họ và tên' }).inputValue(), 'Phạm Thị Lan');
    assert.equal(await page.getByRole('textbox', { name: 'Số điện thoại' }).inputValue(), '0987111222');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByText('Vui lòng chọn nơi nộp hồ sơ.').waitFor();
    await page.getByRole('combobox', { name: 'Nơi nộp hồ sơ' }).click();
    await page.getByRole('combobox', { name: 'Nơi nộp hồ sơ' }).fill('phường Ba Đình');
    await page.getByRole('option', { name: 'UBND phường Ba Đình', exact: true }).click();
    await page.getByRole('textbox', { name: 'Số CCCD hoặc hộ chiếu' }).fill('001190033333');

    // Files are checked before they are sent: a text file named .txt is refused on the spot.
    const input = page.getByLabel(/^Chọn tệp: Tờ khai đăng ký khai sinh/).first();
    await input.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải giấy tờ') });
    await page.getByText('ghi-chu.txt: chỉ nhận tệp PDF, JPEG, PNG, DOCX, XLSX.').waitFor();
    // A real PDF uploads with a labelled progress bar (the upload is slowed down so that the bar can be seen).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const pdf = makePdf('To khai dang ky khai sinh', 600 * 1024);
    await input.setInputFiles({ name: 'to-khai-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('progressbar', { name: 'Tiến độ tải lên to-khai-khai-sinh.pdf' }).waitFor();
    await portal.screenshot(page, 'citizen-eform-uploading');
    await page.getByTestId('uploaded-file').filter({ hasText: 'to-khai-khai-sinh.pdf' }).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await portal.assertAccessible(page, 'the e-form');
    await portal.screenshot(page, 'citizen-eform');

    // A double click files once (the same requestId).
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Mới đăng ký, chờ tiếp nhận/);
    await page.getByRole('link', { name: 'Xem hồ sơ vừa nộp' }).click();
    await page.waitForURL('**/ca-nhan/ho-so/*');
    const dossierId = page.url().split('/').pop() as string;
    await statusIs(page, 'Mới đăng ký, chờ tiếp nhận');
    assert.match(await page.locator('main').innerText(), /Chưa có \(chờ tiếp nhận\)/);
    const mine = (await desk.get(`/api/dossiers?q=pham thi lan`)).body;
    assert.equal(mine.total, 1, 'filed once');
    assert.equal(mine.items[0].components.flatMap((c: { files: unknown[] }) => c.files).length, 1);

    // The officers process it through the API (their pages are tested in workspace.test.ts). The catalogue gives
    // birth registration a duration without a unit, so the desk enters it on receipt.
    const received = await act(desk, dossierId, 'receive', { duration: { value: 1, unit: 'working_days' } });
    const code = received.code;
    await act(desk, dossierId, 'forward');
    await act(leader, dossierId, 'assign', { assigneeId: handlerId });
    await act(handler, dossierId, 'forward');
    await act(leader, dossierId, 'approve');
    const result = makePdf('Giay khai sinh');
    const upload = await clerk.upload('/api/files', { name: 'Giấy khai sinh.pdf', content: result });
    assert.equal(upload.status, 201);
    await act(clerk, dossierId, 'issue_result', { resultNumber: '25/2026/KS', resultFileIds: [upload.body.id] });

    // Tracking by code, as the receipt's QR link does.
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
    await page.getByRole('textbox', { name: '4 số cuối số điện thoại' }).fill('1222');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    assert.match(await page.locator('main').innerText(), /Đã có kết quả, chờ trả/);

    // My dossier: the result, its download, the receipt, the progress in plain words, and the rating.
    await page.goto('/ca-nhan');
    await page.getByTestId('dossier-row').filter({ hasText: code }).getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await statusIs(page, 'Đã có kết quả, chờ trả');
    const text = await page.locator('main').innerText();
    assert.match(text, new RegExp(`Hồ sơ được tiếp nhận, mã ${code.replace(/\./g, '\\.')}`));
    assert.match(text, /Hồ sơ đang được xử lý/);
    assert.match(text, /Số kết quả: 25\/2026\/KS/);
    assert.equal(await page.getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ }).getAttribute('href'), `/api/dossiers/${dossierId}/forms/01.pdf`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Tải về Giấy khai sinh\.pdf/ }).click()]);
    assert.equal(download.suggestedFilename(), 'Giấy khai sinh.pdf');
    assert.deepEqual(await readFile(await download.path()), result);

    await portal.assertAccessible(page, 'my dossier with its result and the rating form');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Hãy chọn mức độ hài lòng.').waitFor();
    await page.getByRole('radio', { name: '5 sao: Rất hài lòng' }).check();
    assert.equal(await page.getByText('Hãy chọn mức độ hài lòng.').count(), 0, 'choosing clears the message');
    await page.getByRole('textbox', { name: 'Nhận xét (không bắt buộc)' }).fill('Nhanh và chu đáo.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('my-rating').filter({ hasText: 'Bạn đã đánh giá: 5 sao: Rất hài lòng' }).waitFor();
    assert.deepEqual({ ...(await leader.get(`/api/dossiers/${dossierId}`)).body.rating, createdAt: undefined }, { score: 5, comment: 'Nhanh và chu đáo.', createdAt: undefined });
    await portal.screenshot(page, 'citizen-dossier-result');

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('my-rating').waitFor();
    await assertNoHorizontalScroll(page, 'my dossier at 360 px');
    await portal.assertAccessible(page, 'my dossier at 360 px');
    await portal.screenshot(page, 'phone-citizen-dossier');
    assert.deepEqual(portal.pageErrors, []);
  });

  it('answers a supplement request from the dossier page, then withdraws the dossier', async () => {
    const citizen = await portal.lifecycle.login('demo.citizen');
    const filed = await citizen.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: portal.lifecycle.procedureId,
      channel: 'online',
      receivingAgencyId: portal.lifecycle.commune,
      applicant: { name: 'Đỗ Văn Bổ Sung', phone: '0912333444' },
      components: [{ name: 'Biên bản bầu hòa giải viên', provided: false }],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const id = filed.body.id as string;
    await act(desk, id, 'receive');
    await act(handler, id, 'request_supplement', { missing: ['Biên bản bầu hòa giải viên có chữ ký'], note: 'Bản đã nộp thiếu chữ ký của tổ trưởng.' });

    const page = await portal.newPage();
    await signIn(page, 'demo.citizen', `/ca-nhan/ho-so/${id}`);
    await statusIs(page, 'Chờ bổ sung hồ sơ');
    assert.equal(await page.getByTestId('supplement-asked').innerText(), 'Cơ quan yêu cầu bổ sung: Biên bản bầu hòa giải viên có chữ ký');
    assert.match(await page.locator('main').innerText(), /Ghi chú: Bản đã nộp thiếu chữ ký của tổ trưởng\./);
    await page.getByRole('button', { name: 'Nộp bổ sung' }).click();
    await page.getByText('Hãy tải lên ít nhất một tệp.').waitFor();
    await page.getByLabel('Chọn tệp: Giấy tờ bổ sung').setInputFiles({ name: 'bien-ban-co-chu-ky.pdf', mimeType: 'application/pdf', buffer: makePdf('Bien ban') });
    await page.getByTestId('uploaded-file').filter({ hasText: 'bien-ban-co-chu-ky.pdf' }).waitFor();
    await portal.assertAccessible(page, 'my dossier awaiting a supplement');
    await portal.screenshot(page, 'citizen-supplement');
    await page.getByRole('button', { name: 'Nộp bổ sung' }).click();
    await page.getByText('Đã thực hiện: Nộp bổ sung.').waitFor();
    await statusIs(page, 'Đang xử lý');
    const entries = await page.getByTestId('timeline-entry').allInnerTexts();
    assert.ok(entries.some((e) => /Cơ quan yêu cầu bổ sung hồ sơ/.test(e) && /Cần bổ sung: Biên bản bầu hòa giải viên có chữ ký/.test(e)), entries.join('\n'));
    assert.ok(entries.some((e) => /Bạn đã nộp bổ sung hồ sơ/.test(e)), entries.join('\n'));
    await page.getByRole('link', { name: /^Tải về bien-ban-co-chu-ky\.pdf/ }).waitFor();
    assert.equal((await desk.get(`/api/dossiers/${id}`)).body.status, 'in_progress');

    // The citizen may still withdraw it (the API allows it while it is processed): a reason is required.
    await page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await page.getByText('Vui lòng nhập lý do.').waitFor();
    await page.getByRole('textbox', { name: 'Lý do rút hồ sơ' }).fill('Tổ dân phố đã bầu người khác.');
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await statusIs(page, 'Công dân đã rút hồ sơ');
    await page.getByTestId('timeline-entry').filter({ hasText: 'Lý do: Tổ dân phố đã bầu người khác.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).count(), 0, 'no action is left');
    assert.deepEqual(portal.pageErrors, []);
  });

  it('saves a draft, resumes it after a reload and files it; the draft is gone', async () => {
    // Every commune of Hanoi offers this procedure, more than the 50 the procedure's page lists: the citizen's own
    // commune, beyond them, is found by typing its name.
    const detail = (await desk.get(`/api/procedures/${portal.lifecycle.procedureId}`)).body;
    const listed = new Set(detail.agencies.map((a: { id: string }) => a.id));
    assert.ok(detail.agencyCount > detail.agencies.length);
    const farCommune = (await desk.get(`/api/agencies?q=${encodeURIComponent('UBND xã')}`)).body.items.find(
      (a: { id: string; type: string }) => a.type === detail.agencies[0].type && !listed.has(a.id),
    ) as { id: string; name: string };
    assert.ok(farCommune, 'a commune beyond the first 50');

    const page = await portal.newPage(PHONE);
    const form = `/ca-nhan/nop/${portal.lifecycle.procedureId}`;
    await signIn(page, 'demo.citizen', form);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Vũ Thị Nháp');
    await page.getByRole('combobox', { name: 'Nơi nộp hồ sơ' }).fill(farCommune.name);
    await page.getByRole('option', { name: farCommune.name, exact: true }).click();
    await page.locator('input[type=file]').first().setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: makePdf('Bien ban bau') });
    await page.getByTestId('uploaded-file').filter({ hasText: 'bien-ban.pdf' }).waitFor();
    await assertNoHorizontalScroll(page, 'the e-form at 360 px');
    await portal.assertAccessible(page, 'the e-form at 360 px');
    await portal.screenshot(page, 'phone-citizen-eform');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/^Đã lưu nháp lúc/).waitFor();
    await page.waitForURL('**?nhap=*');

    await page.reload();
    await page.getByText(/^Đã mở lại bản nháp lưu lúc/).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Họ và tên' }).inputValue(), 'Vũ Thị Nháp');
    assert.equal(await page.getByRole('combobox', { name: 'Nơi nộp hồ sơ' }).inputValue(), farCommune.name);
    await page.getByTestId('uploaded-file').filter({ hasText: 'bien-ban.pdf' }).waitFor();

    await page.goto('/ca-nhan');
    const draft = page.getByTestId('draft-row').filter({ hasText: 'Thủ tục công nhận hòa giải viên' });
    await draft.waitFor();
    await portal.assertAccessible(page, 'my dossiers with a draft');
    await portal.screenshot(page, 'phone-citizen-dossiers');
    await draft.getByRole('link', { name: 'Tiếp tục nộp' }).click();
    await page.getByText(/^Đã mở lại bản nháp lưu lúc/).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();

    await page.goto('/ca-nhan');
    await page.getByText('Không có bản nháp.').waitFor();
    const row = page.getByTestId('dossier-row').filter({ hasText: 'Mới đăng ký, chờ tiếp nhận' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Hạn tiếp nhận: /);
    const citizen = await portal.lifecycle.login('demo.citizen');
    assert.deepEqual((await citizen.get('/api/drafts')).body.items, []);
    const filed = (await citizen.get('/api/dossiers?q=vu thi nhap')).body;
    assert.equal(filed.total, 1);
    assert.equal(filed.items[0].components[0].files[0].name, 'bien-ban.pdf');
    assert.equal(filed.items[0].receivingAgencyId, farCommune.id);
    assert.deepEqual(portal.pageErrors, []);
  });
});
