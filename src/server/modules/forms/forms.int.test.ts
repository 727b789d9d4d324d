import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

// jsqr is CommonJS whose types declare an ES default export: at run time the default import is the function.
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

// Generated test person (not a real one).
const APPLICANT = { name: 'Trần Văn Biểu Mẫu', phone: '0987000333', idNumber: '001088000333', address: 'Phường Ba Đình, Hà Nội' };

describe('printable forms 01–06', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-forms-'));
  const clock = fixedClock('2026-03-02T02:32:00Z'); // Monday 09:32
  let dossier: any;

  const download = async (form: string) => {
    const desk = await fx.login('demo.desk');
    const response = await fetch(`${fx.server.url}/api/dossiers/${dossier.id}/forms/${form}.pdf`, { headers: { cookie: (desk as any).cookie } });
    return response;
  };
  const pdfText = async (form: string) => {
    const response = await download(form);
    assert.equal(response.status, 200, `form ${form}`);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const file = path.join(tmp, `${form}.pdf`);
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    // Lines wrap where the page ends: compare with white space folded.
    return { file, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
  };

  before(async () => {
    fx = await setupLifecycle(clock);
    const desk = await fx.login('demo.desk');
    dossier = (
      await desk.post('/api/dossiers', {
        requestId: randomUUID(),
        procedureId: fx.procedureId,
        channel: 'in_person',
        receivingAgencyId: fx.commune,
        applicant: APPLICANT,
        components: [{ name: 'Văn bản đề xuất công nhận hòa giải viên', quantity: '1 bản chính', provided: true }],
      })
    ).body;
  });
  after(async () => {
    await fx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints Form 01 with the Vietnamese receipt, the appointment and a QR code that links to tracking', async () => {
    const { file, text } = await pdfText('01');
    assert.match(text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Trần Văn Biểu Mẫu/);
    assert.match(text, /Thủ tục công nhận hòa giải viên/);
    assert.match(text, /09 giờ 32 phút, ngày 02 tháng 03 năm 2026/);
    assert.match(text, /09 giờ 32 phút, ngày 09 tháng 03 năm 2026/);
    assert.match(text, /5 ngày làm việc/);
    assert.ok(text.includes(dossier.code));
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(pages, /Page size:\s+419\.53 x 595\.28 pts/, 'A5');
    execFileSync('pdfimages', ['-png', file, path.join(tmp, 'img')]);
    const qr = PNG.sync.read(fs.readFileSync(path.join(tmp, 'img-000.png')));
    const decoded = jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height);
    assert.equal(decoded?.data, `http://localhost:3000/tra-cuu?ma=${encodeURIComponent(dossier.code)}`);
  });

  it('prints Forms 02 and 04 from the supplement request and the apology, and refuses a form that does not apply', async () => {
    assert.equal((await download('02')).status, 409);
    const desk = await fx.login('demo.desk');
    const leader = await fx.login('demo.leader');
    dossier = (await fx.act(leader, dossier, 'extend', { newDueAt: '2026-03-12T17:00:00+07:00', reason: 'Cần xác minh thực tế' })).body;
    dossier = (await fx.act(desk, dossier, 'request_supplement', { missing: ['Bản sao căn cước của người được đề xuất'] })).body;
    const form02 = await pdfText('02');
    assert.match(form02.text, /PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ/);
    assert.match(form02.text, /Bản sao căn cước của người được đề xuất/);
    const form04 = await pdfText('04');
    assert.match(form04.text, /PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ/);
    assert.match(form04.text, /17 giờ 00 phút, ngày 12 tháng 03 năm 2026/);
    assert.match(form04.text, /Cần xác minh thực tế/);
  });

  it('prints Form 03 for a refusal, Form 05 with every hand-off, and the Form 06 register line on A4', async () => {
    const desk = await fx.login('demo.desk');
    dossier = (await fx.act(desk, dossier, 'submit_supplement')).body;
    dossier = (await fx.act(desk, dossier, 'forward')).body;
    const leader = await fx.login('demo.leader');
    dossier = (await fx.act(leader, dossier, 'refuse', { reasons: ['Người được đề xuất không đủ điều kiện'] })).body;
    const form03 = await pdfText('03');
    assert.match(form03.text, /PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ/);
    assert.match(form03.text, /không đủ điều kiện/);
    const form05 = await pdfText('05');
    assert.match(form05.text, /PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ/);
    for (const step of ['Tiếp nhận, chuyển hồ sơ', 'Thẩm định, đề xuất', 'Trần Thị Một Cửa (demo)']) assert.ok(form05.text.includes(step), step);
    assert.match(form05.text, /Trước hạn/, 'the desk handed it on within its budget');
    assert.match(form05.text, /Đang xử lý/, 'the appraisal step has not ended');
    const form06 = await pdfText('06');
    assert.match(form06.text, /SỔ THEO DÕI HỒ SƠ/);
    assert.ok(form06.text.includes(dossier.code));
    assert.match(execFileSync('pdfinfo', [form06.file], { encoding: 'utf8' }), /Page size:\s+841\.89 x 595\.28 pts/, 'A4 landscape');
  });

  it('does not print forms of a dossier the viewer may not see', async () => {
    const other = await fx.login('demo.citizen');
    const response = await fetch(`${fx.server.url}/api/dossiers/${dossier.id}/forms/01.pdf`, { headers: { cookie: (other as any).cookie } });
    assert.equal(response.status, 404);
  });
});
