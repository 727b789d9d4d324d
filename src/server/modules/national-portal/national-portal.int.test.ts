import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { nationalPortalDossiers } from '../../db/schema.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

const TOKEN = 'test-dvcqg-partner-token';

// A dossier as the national portal forwards it (field names of REGULATIONS.md §13.1); generated test data.
const payload = (overrides: Record<string, unknown> = {}) => ({
  MaHoSo: 'G22.99-260302-0001',
  MaTTHC: '1.002211',
  TenTTHC: 'Thủ tục công nhận hòa giải viên',
  KenhThucHien: '2',
  ChuHoSo: 'Lê Thị Cổng Quốc Gia',
  LoaiDoiTuong: '1',
  MaDoiTuong: '',
  SoDienThoai: '0912.000.333',
  Email: 'cong.quoc.gia@example.com',
  TrichYeuHoSo: 'Đề nghị công nhận hòa giải viên ở cơ sở',
  NgayNopHoSo: '20260302085500',
  DonViXuLy: 'TMP.P01.X00004',
  NoiNopHoSo: '2',
  TaiLieuNop: [
    { TenTepDinhKem: 'Van-ban-de-xuat.pdf', MaThanhPhanHoSo: 'TP1', DuongDanTaiTepTin: 'https://dichvucong.gov.vn/files/abc.pdf', DuocSoHoa: '1', DuocTaiSuDung: '0' },
  ],
  DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', MaPhiLePhi: 'LP1', HinhThucThu: '1', Gia: '0', LoaiPhiLePhi: '2' }],
  DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001099000333' }],
  HoSoCoThanhPhanSoHoa: '1',
  ...overrides,
});

describe('dossiers forwarded by the national portal (DVCQG) over HTTP', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  const send = async (body: unknown, token = TOKEN) => {
    const response = await fetch(`${fx.server.url}/api/integration/dvcqg/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  before(async () => {
    fx = await setupLifecycle(fixedClock('2026-03-02T02:00:00Z'), { config: { dvcqgInboundToken: TOKEN } }); // Monday 09:00 in Vietnam
  });
  after(async () => {
    await fx.close();
  });

  it('creates a "Mới đăng ký" dossier of the national_portal channel and answers in the DVCQG shape', async () => {
    const first = await send(payload());
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.error_code, '0');
    assert.equal(first.body.MaHoSo, 'G22.99-260302-0001');
    assert.equal(first.body.acceptanceDueAt, '2026-03-03T09:00:00+07:00', '8 working hours after it reached us');
    const desk = await fx.login('demo.desk');
    const dossier = (await desk.get(`/api/dossiers/${first.body.dossierId}`)).body;
    assert.equal(dossier.channel, 'national_portal');
    assert.equal(dossier.status, 'submitted');
    assert.equal(dossier.nationalStatus, 1);
    assert.equal(dossier.code, null);
    assert.equal(dossier.procedure.code, '1.002211');
    assert.deepEqual(dossier.applicant, { name: 'Lê Thị Cổng Quốc Gia', idNumber: '001099000333', phone: '0912000333', email: 'cong.quoc.gia@example.com' });
    assert.deepEqual(dossier.components, [
      { name: 'Van-ban-de-xuat.pdf', code: 'TP1', quantity: null, provided: true, files: [], links: [{ name: 'Van-ban-de-xuat.pdf', url: 'https://dichvucong.gov.vn/files/abc.pdf', digitised: true }] },
    ]);
    assert.deepEqual(dossier.feeLines, [{ name: 'Lệ phí', amountVnd: 0, code: 'LP1', method: '1', kind: '2' }]);
    assert.deepEqual(dossier.allowedActions, ['receive', 'refuse_intake', 'withdraw']);
    assert.equal(dossier.timeline[0].actorRole, 'system');
    assert.equal(dossier.timeline[0].payload.portalCode, 'G22.99-260302-0001');
    assert.equal(dossier.timeline[0].payload.submittedAt, '2026-03-02T01:55:00.000Z');
    const [kept] = await fx.ctx.deps.db.select().from(nationalPortalDossiers).where(eq(nationalPortalDossiers.portalCode, 'G22.99-260302-0001'));
    assert.equal((kept?.payload as { HoSoCoThanhPhanSoHoa: string }).HoSoCoThanhPhanSoHoa, '1', 'the raw payload is kept, unmapped fields included');
  });

  it('answers a repeated MaHoSo with the same dossier and the same reply', async () => {
    const first = await send(payload({ MaHoSo: 'G22.99-260302-0002' }));
    const again = await send(payload({ MaHoSo: 'G22.99-260302-0002', ChuHoSo: 'Tên khác' }));
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replay'), 'true');
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => send(payload({ MaHoSo: 'G22.99-260302-0003' }))));
    assert.equal(new Set(concurrent.map((r) => r.body.dossierId)).size, 1, 'concurrent deliveries make one dossier');
  });

  it('refuses an unknown MaTTHC, an unknown agency, a bad date and a bad link, naming the DVCQG field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ MaTTHC: '9.999999' }, 'MaTTHC', 'exists'],
      [{ MaTTHC: '1.000010' }, 'MaTTHC', 'agency_procedure'],
      [{ DonViXuLy: 'KHONG.CO.MA' }, 'DonViXuLy', 'exists'],
      [{ NgayNopHoSo: '2026-03-02 08:55' }, 'NgayNopHoSo', 'date_format'],
      [{ NgayNopHoSo: '20260231085500' }, 'NgayNopHoSo', 'date_format'],
      [{ NgayNopHoSo: '20260302120000' }, 'NgayNopHoSo', 'not_future'],
      [{ TaiLieuNop: [{ TenTepDinhKem: 'x.pdf', DuongDanTaiTepTin: 'javascript:alert(1)' }] }, 'TaiLieuNop.0.DuongDanTaiTepTin', 'url'],
      [{ ChuHoSo: undefined }, 'ChuHoSo', 'required'],
    ];
    for (const [change, field, rule] of cases) {
      const refused = await send(payload({ MaHoSo: `LOI-${field}-${rule}`, ...change }));
      assert.equal(refused.status, 400, `${field} ${rule}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error_code, '-1');
      assert.equal(refused.body.code, 'INVALID_INPUT');
      assert.equal(refused.body.field, field);
      assert.equal(refused.body.errors[0].rule, rule);
      assert.ok(refused.body.message.startsWith(`${field}: `), refused.body.message);
    }
  });

  it('refuses a wrong or missing partner token with 401, before looking at the body', async () => {
    const wrong = await send(payload({ MaHoSo: 'G22.99-260302-0009' }), 'not-the-token');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error_code, '-1');
    assert.equal(wrong.body.code, 'UNAUTHENTICATED');
    assert.equal((await send({ nonsense: true }, '')).status, 401);
    const citizen = await fx.login('demo.citizen');
    assert.equal((await citizen.post('/api/integration/dvcqg/dossiers', payload({ MaHoSo: 'G22.99-260302-0010' }))).status, 401, 'a signed-in user is not the portal');
  });

  it('is received by the desk through the ordinary actions and gets a dossier code', async () => {
    const forwarded = await send(payload({ MaHoSo: 'G22.99-260302-0004' }));
    const desk = await fx.login('demo.desk');
    const inbox = await desk.get('/api/dossiers?status=submitted');
    const listed = inbox.body.items.find((d: { id: string }) => d.id === forwarded.body.dossierId);
    assert.ok(listed, 'in the desk inbox');
    const received = await fx.act(desk, listed, 'receive');
    assert.equal(received.status, 200, JSON.stringify(received.body));
    assert.equal(received.body.status, 'received');
    assert.equal(received.body.nationalStatus, 2);
    assert.match(received.body.code, /^TMP\.P01\.X00004-260302-\d{4}$/);
    assert.deepEqual(received.body.duration, { value: 5, unit: 'working_days' });
    const again = await send(payload({ MaHoSo: 'G22.99-260302-0004' }));
    assert.deepEqual(again.body, forwarded.body, 'the reply does not change once the dossier moves on');
  });
});
