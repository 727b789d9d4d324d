// The walk-in journey in Chromium, against a real server and database: the desk opens the intake form, finds a real
// procedure by typing without diacritics, enters the applicant, ticks the component checklist and attaches a scan,
// receives the dossier in one go, reads its code and appointment, and prints Form 01 (a PDF whose text carries the
// code). The form is checked for accessibility and fits a 360 px phone.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { PHONE, assertNoHorizontalScroll, signIn, startPortal, type Portal } from './harness.ts';

const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer <</Size 3 /Root 1 0 R>>\nstartxref\n110\n%%EOF\n',
);

/** The text of a PDF, by poppler's pdftotext. */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = path.join(dir, 'form.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('walk-in intake at the desk', () => {
  let portal: Portal;
  let communeName: string;

  before(async () => {
    portal = await startPortal();
    const desk = await portal.lifecycle.login('demo.desk');
    communeName = (await desk.get('/api/agencies?unit=00004')).body.items[0].name;
  });
  after(async () => {
    await portal?.close();
  });

  /** Picks the commune's desk (demo.desk works at two) and the procedure, typed without diacritics. */
  async function startForm(page: Page): Promise<void> {
    await signIn(page, 'demo.desk');
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ giấy' }).click();
    await page.waitForURL('**/can-bo/tiep-nhan');
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính' }).waitFor();
    await page.getByRole('combobox', { name: 'Bộ phận một cửa' }).click();
    await page.getByRole('option', { name: communeName, exact: true }).click();
    const picker = page.getByRole('combobox', { name: 'Thủ tục' });
    await picker.fill('cong nhan hoa giai vien');
    const option = page.getByRole('option', { name: /^Thủ tục công nhận hòa giải viên.*\(1\.002211\)$/ });
    await option.waitFor();
    await option.click();
    await page.getByTestId('checklist-item').first().waitFor();
  }

  it('files a walk-in dossier with its checklist, shows the code and prints Form 01 with it', async () => {
    const page = await portal.newPage();
    await startForm(page);
    // Nothing typed yet: the form says what is missing and sends nothing.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByText('Vui lòng điền mục này.').first().waitFor();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Vũ Thị Trực Tiếp');
    await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill('001190012345');
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0904 111 222');
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('12 Phố Đội Cấn, Ba Đình, Hà Nội');

    const items = page.getByTestId('checklist-item');
    const count = await items.count();
    assert.ok(count >= 1, 'the procedure lists its components');
    const first = items.first();
    const componentName = (await first.locator('legend').innerText()).trim();
    await first.getByRole('checkbox', { name: 'Đã nhận bản giấy' }).check();
    await first.getByLabel('Bản quét (không bắt buộc)').setInputFiles({ name: 'ban-quet.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await first.getByText('Đã tải lên bản quét ban-quet.pdf.').waitFor();
    await portal.assertAccessible(page, 'the intake form');
    await portal.screenshot(page, 'workspace-intake');

    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const done = page.getByTestId('intake-done');
    await done.waitFor();
    const heading = await done.getByRole('heading').innerText();
    const match = /^Đã tiếp nhận hồ sơ (\S+-\d{6}-\d{4})\.$/.exec(heading);
    assert.ok(match, `the code is shown: ${heading}`);
    const code = match[1] as string;
    assert.match(await done.innerText(), /Ngày hẹn trả kết quả: /);
    assert.equal(await page.evaluate<string>('document.activeElement?.textContent ?? ""'), heading, 'focus moves to the result');
    await portal.assertAccessible(page, 'the intake result');

    // Form 01, the receipt, is a PDF whose text carries the code.
    const print = done.getByRole('link', { name: 'In Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)' });
    const href = await print.getAttribute('href');
    assert.match(href ?? '', /^\/api\/dossiers\/[0-9a-f-]{36}\/forms\/01\.pdf$/);
    const pdf = await page.request.get(href as string);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const text = await pdfText(await pdf.body());
    assert.ok(text.includes(code), `Form 01 names the code ${code}:\n${text.slice(0, 800)}`);
    assert.match(text, /Vũ Thị Trực Tiếp/);

    // The dossier is received, walk-in, with the checklist as ticked and the scan attached.
    const dossierId = (href as string).split('/')[3] as string;
    const dossier = (await (await portal.lifecycle.login('demo.desk')).get(`/api/dossiers/${dossierId}`)).body;
    assert.equal(dossier.status, 'received');
    assert.equal(dossier.channel, 'in_person');
    assert.equal(dossier.code, code);
    assert.equal(dossier.applicant.idNumber, '001190012345');
    assert.equal(dossier.components.length, count);
    assert.equal(dossier.components[0].name, componentName);
    assert.equal(dossier.components[0].provided, true);
    assert.deepEqual(
      dossier.components[0].files.map((f: { name: string }) => f.name),
      ['ban-quet.pdf'],
    );
    assert.ok(dossier.components.slice(1).every((c: { provided: boolean }) => !c.provided));

    await done.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.waitForURL(`**/can-bo/ho-so/${dossierId}`);
    await page
      .getByTestId('dossier-status')
      .filter({ hasText: /^Đã tiếp nhận$/ })
      .waitFor();
  });

  it('fits the intake form in 360 px', async () => {
    const page = await portal.newPage(PHONE);
    await startForm(page);
    await page.getByRole('radio', { name: 'Qua bưu chính' }).check();
    await page.getByRole('textbox', { name: 'Số vận đơn bưu chính của hồ sơ gửi đến' }).waitFor();
    await page.waitForLoadState('networkidle');
    await assertNoHorizontalScroll(page, 'the intake form');
    await portal.assertAccessible(page, 'the intake form at 360 px');
    await portal.screenshot(page, 'phone-workspace-intake');
  });

  it('raised no uncaught error in any page', () => {
    assert.deepEqual(portal.pageErrors, []);
  });
});
