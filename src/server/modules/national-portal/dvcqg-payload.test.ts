import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../../errors.ts';
import { formatDvcqgDate, mapDvcqgDossier, parseDvcqgDate, type DvcqgDossier } from './dvcqg-payload.ts';

const NOW = Date.parse('2026-03-02T02:00:00Z'); // 09:00 in Vietnam

const minimal: DvcqgDossier = { MaHoSo: 'X-1', MaTTHC: '1.002211', ChuHoSo: ' Người Thử ', NgayNopHoSo: '20260302085500', DonViXuLy: 'A.B' };

describe('the DVCQG payload', () => {
  it('reads yyyyMMddHHmmss as Vietnam time and writes it back', () => {
    assert.equal(parseDvcqgDate('20260302085500'), Date.parse('2026-03-02T01:55:00Z'));
    assert.equal(parseDvcqgDate('20260101000000'), Date.parse('2025-12-31T17:00:00Z'));
    assert.equal(formatDvcqgDate(Date.parse('2025-12-31T17:00:00Z')), '20260101000000');
  });

  it('refuses dates that are not real moments', () => {
    for (const bad of ['20260230120000', '20261301120000', '20260302240000', '20260302126000', '2026030208550', '2026-03-02T08:55', '']) {
      assert.equal(parseDvcqgDate(bad), undefined, bad);
    }
  });

  it('maps the applicant, treating empty strings as absent', () => {
    const mapped = mapDvcqgDossier({ ...minimal, SoDienThoai: '', Email: '', DinhDanhCHS: [{ SoDinhDanh: '' }, { SoDinhDanh: '079000111222' }] }, NOW);
    assert.deepEqual(mapped.applicant, { name: 'Người Thử', idNumber: '079000111222' });
    assert.deepEqual(mapped.components, []);
    assert.deepEqual(mapped.feeLines, []);
  });

  it('records documents as links and fees as whole VND, accepting numbers or strings', () => {
    const mapped = mapDvcqgDossier(
      {
        ...minimal,
        TaiLieuNop: [{ TenTepDinhKem: 'a.pdf', MaThanhPhanHoSo: 12, DuongDanTaiTepTin: 'http://x.example/a.pdf', DuocSoHoa: 0 }, { TenTepDinhKem: 'b.pdf' }],
        DanhSachLePhi: [{ TenPhiLePhi: 'Phí', Gia: 50000 }, { TenPhiLePhi: 'Lệ phí', Gia: '20000' }],
      },
      NOW,
    );
    assert.deepEqual(mapped.components[0], { name: 'a.pdf', code: '12', provided: true, files: [], links: [{ name: 'a.pdf', url: 'http://x.example/a.pdf', digitised: false }] });
    assert.deepEqual(mapped.components[1]?.links, []);
    assert.deepEqual(mapped.feeLines.map((f) => f.amountVnd), [50000, 20000]);
  });

  it('lists every unusable field with its DVCQG path', () => {
    assert.throws(
      () => mapDvcqgDossier({ ...minimal, NgayNopHoSo: '2026', KenhThucHien: '9', DanhSachLePhi: [{ TenPhiLePhi: 'Phí', Gia: 1.5 }] }, NOW),
      (error: AppError) => {
        assert.deepEqual(error.details.issues?.map((i) => `${i.path} ${i.rule}`), ['NgayNopHoSo date_format', 'KenhThucHien enum', 'DanhSachLePhi.0.Gia integer']);
        return true;
      },
    );
  });
});
