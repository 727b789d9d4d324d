import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { agencies, officerRoles, users } from '../../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { TestClient } from '../../testing/http-client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

const MAX_BYTES = 64 * 1024;
const APPLICANT = { name: 'Trần Văn Thử Nghiệm', phone: '0912000222' };

// Tiny but real files, made here so the test shows exactly what is sent.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A ZIP archive with stored (uncompressed) entries: enough for an Office document's structure. */
function zipStored(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX = zipStored({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

describe('uploads of dossier components over HTTP', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;

  before(async () => {
    fx = await setupLifecycle(fixedClock('2026-03-02T02:00:00Z'), { config: { uploadMaxBytes: MAX_BYTES } });
    const [otherCommune] = await fx.ctx.deps.db.select().from(agencies).where(eq(agencies.seedKey, '01:commune:00008'));
    const passwordHash = await hashPassword('mat-khau-dai');
    const [other] = await fx.ctx.deps.db.insert(users).values({ kind: 'officer', username: 'desk.other', displayName: 'Một cửa phường khác (thử nghiệm)', passwordHash }).returning();
    await fx.ctx.deps.db.insert(officerRoles).values({ userId: other!.id, agencyId: otherCommune!.id, role: 'desk' });
    await fx.ctx.deps.db.insert(users).values({ kind: 'citizen', username: 'khac@example.com', displayName: 'Công dân khác (thử nghiệm)', passwordHash });
  });
  after(async () => {
    await fx.close();
  });

  const fileOnline = (client: TestClient, components: unknown[]) =>
    client.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'online', receivingAgencyId: fx.commune, applicant: APPLICANT, components });

  it('accepts a real PDF, PNG and DOCX, with the type read from the content and the SHA-256 of the bytes', async () => {
    const citizen = await fx.login('demo.citizen');
    const pdf = await citizen.upload('/api/files', { name: 'Tờ khai.pdf', content: PDF, type: 'application/pdf' });
    assert.equal(pdf.status, 201, JSON.stringify(pdf.body));
    assert.deepEqual({ ...pdf.body, id: undefined }, { id: undefined, name: 'Tờ khai.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
    // The name the browser sends does not decide the type: a PNG named .bin is a PNG.
    const png = await citizen.upload('/api/files', { name: 'anh-chan-dung.bin', content: PNG });
    assert.equal(png.status, 201);
    assert.equal(png.body.mediaType, 'image/png');
    const docx = await citizen.upload('/api/files', { name: 'don.docx', content: DOCX });
    assert.equal(docx.status, 201, JSON.stringify(docx.body));
    assert.equal(docx.body.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses a text file named .pdf, a file over the limit and an empty one, naming the field and rule, and keeps nothing', async () => {
    const citizen = await fx.login('demo.citizen');
    const before = await filesUnder(fx.ctx.filesDir);
    const fake = await citizen.upload('/api/files', { name: 'giay-to.pdf', content: Buffer.from('Đây không phải là PDF, chỉ là văn bản.\n'), type: 'application/pdf' });
    assert.equal(fake.status, 400);
    assert.deepEqual(fake.body.error.details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]), [['file', 'media_type']]);
    assert.match(fake.body.error.message, /PDF, JPEG, PNG/);
    assert.match(fake.body.error.messageEn, /not PDF, JPEG, PNG, DOCX or XLSX/);
    const big = Buffer.concat([PDF, Buffer.alloc(16 * MAX_BYTES, 0x20)]);
    const tooLarge = await citizen.upload('/api/files', { name: 'lon.pdf', content: big });
    assert.equal(tooLarge.status, 400);
    assert.equal(tooLarge.body.error.details.issues[0].path, 'file');
    assert.equal(tooLarge.body.error.details.issues[0].rule, 'max_bytes');
    assert.match(tooLarge.body.error.message, /dung lượng tối đa/);
    const empty = await citizen.upload('/api/files', { name: 'rong.pdf', content: new Uint8Array() });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.details.issues[0].rule, 'not_empty');
    assert.deepEqual(await filesUnder(fx.ctx.filesDir), before, 'nothing left in the store, not even a temporary file');
    const exactly = await citizen.upload('/api/files', { name: 'vua-du.pdf', content: Buffer.concat([PDF, Buffer.alloc(MAX_BYTES - PDF.length, 0x20)]) });
    assert.equal(exactly.status, 201, 'a file of exactly the limit is accepted');
  });

  it('needs a signed-in user, the CSRF token and the field "file"', async () => {
    const anonymous = new TestClient(fx.server.url);
    assert.equal((await anonymous.upload('/api/files', { name: 'a.pdf', content: PDF })).status, 401);
    const citizen = await fx.login('demo.citizen');
    const token = citizen.csrfToken;
    citizen.csrfToken = '';
    assert.equal((await citizen.upload('/api/files', { name: 'a.pdf', content: PDF })).status, 403);
    citizen.csrfToken = token;
    const wrongField = await citizen.upload('/api/files', { name: 'a.pdf', content: PDF }, 'document');
    assert.equal(wrongField.status, 400);
    assert.equal(wrongField.body.error.details.issues[0].path, 'file');
    const notMultipart = await citizen.post('/api/files', { file: 'x' });
    assert.equal(notMultipart.status, 400);
  });

  it('attaches files when a dossier is filed, shows them on the dossier, and scopes downloads to those who may see it', async () => {
    const citizen = await fx.login('demo.citizen');
    const desk = await fx.login('demo.desk');
    const otherDesk = await fx.login('desk.other', 'mat-khau-dai');
    const otherCitizen = await fx.login('khac@example.com', 'mat-khau-dai');
    const form = (await citizen.upload('/api/files', { name: 'Tờ khai.pdf', content: PDF })).body;
    const photo = (await citizen.upload('/api/files', { name: 'anh.png', content: PNG })).body;

    // Before it is attached, only the uploader may read it.
    assert.equal((await citizen.download(`/api/files/${form.id}`)).status, 200);
    assert.equal((await desk.download(`/api/files/${form.id}`)).status, 404);

    const filed = await fileOnline(citizen, [
      { name: 'Tờ khai', provided: true, fileIds: [form.id] },
      { name: 'Ảnh chân dung', provided: true, fileIds: [photo.id] },
    ]);
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.deepEqual(filed.body.components, [
      { name: 'Tờ khai', quantity: null, provided: true, files: [{ id: form.id, name: 'Tờ khai.pdf', mediaType: 'application/pdf', size: PDF.length }] },
      { name: 'Ảnh chân dung', quantity: null, provided: true, files: [{ id: photo.id, name: 'anh.png', mediaType: 'image/png', size: PNG.length }] },
    ]);

    const byDesk = await desk.download(`/api/files/${form.id}`);
    assert.equal(byDesk.status, 200);
    assert.deepEqual(Buffer.from(byDesk.bytes), PDF);
    assert.equal(byDesk.headers.get('content-type'), 'application/pdf');
    assert.equal(byDesk.headers.get('x-content-type-options'), 'nosniff');
    assert.match(byDesk.headers.get('content-disposition') ?? '', /^attachment; filename="To khai.pdf"; filename\*=UTF-8''T%E1%BB%9D%20khai\.pdf$/);
    assert.equal((await otherDesk.download(`/api/files/${form.id}`)).status, 404, 'an officer of another commune');
    assert.equal((await otherCitizen.download(`/api/files/${form.id}`)).status, 404, 'another citizen');
    assert.equal((await new TestClient(fx.server.url).download(`/api/files/${form.id}`)).status, 401);
    assert.equal((await citizen.download(`/api/files/${randomUUID()}`)).status, 404);
  });

  it("refuses someone else's file, a file already attached and a file listed twice, and attaches nothing", async () => {
    const citizen = await fx.login('demo.citizen');
    const desk = await fx.login('demo.desk');
    const mine = (await citizen.upload('/api/files', { name: 'cua-toi.pdf', content: PDF })).body;
    const walkIn = await desk.post('/api/dossiers', {
      requestId: randomUUID(),
      procedureId: fx.procedureId,
      channel: 'in_person',
      receivingAgencyId: fx.commune,
      applicant: APPLICANT,
      components: [{ name: 'Tờ khai', provided: true, fileIds: [mine.id] }],
    });
    assert.equal(walkIn.status, 400);
    assert.deepEqual(walkIn.body.error.details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]), [['body.components.0.fileIds.0', 'own_upload']]);

    const twice = await fileOnline(citizen, [{ name: 'Tờ khai', provided: true, fileIds: [mine.id, mine.id] }]);
    assert.equal(twice.status, 400);
    assert.equal(twice.body.error.details.issues[0].path, 'body.components.0.fileIds.1');
    assert.equal(twice.body.error.details.issues[0].rule, 'unique');

    assert.equal((await fileOnline(citizen, [{ name: 'Tờ khai', provided: true, fileIds: [mine.id] }])).status, 201);
    const again = await fileOnline(citizen, [{ name: 'Tờ khai', provided: true, fileIds: [mine.id] }]);
    assert.equal(again.status, 400);
    assert.equal(again.body.error.details.issues[0].rule, 'not_attached');
  });

  it('attaches the files of a supplement to new components', async () => {
    const desk = await fx.login('demo.desk');
    const scan = (await desk.upload('/api/files', { name: 'ban-sao-cccd.pdf', content: PDF })).body;
    let dossier = (await desk.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'in_person', receivingAgencyId: fx.commune, applicant: APPLICANT, components: [{ name: 'Tờ khai', provided: true }] })).body;
    dossier = (await fx.act(desk, dossier, 'request_supplement', { missing: ['Bản sao CCCD'] })).body;
    const badId = await fx.act(desk, dossier, 'submit_supplement', { components: [{ name: 'Bản sao CCCD', fileIds: ['khong-phai-uuid'] }] });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error.details.issues[0].path, 'body.components.0.fileIds.0');
    const supplemented = await fx.act(desk, dossier, 'submit_supplement', { note: 'Đã bổ sung', components: [{ name: 'Bản sao CCCD', quantity: '1 bản sao', fileIds: [scan.id] }] });
    assert.equal(supplemented.status, 200, JSON.stringify(supplemented.body));
    assert.equal(supplemented.body.status, 'in_progress');
    assert.deepEqual(
      supplemented.body.components.map((c: { name: string; files: { id: string }[] }) => [c.name, c.files.map((f) => f.id)]),
      [
        ['Tờ khai', []],
        ['Bản sao CCCD', [scan.id]],
      ],
    );
    const full = await desk.get(`/api/dossiers/${dossier.id}`);
    assert.deepEqual(full.body.timeline.at(-1).payload.components, [{ name: 'Bản sao CCCD', fileIds: [scan.id] }]);
  });
});
