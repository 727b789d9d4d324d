// The national portal's (DVCQG) dossier sync payload, with its own field names (REGULATIONS.md §13.1), and its
// mapping onto our dossier. The portal sends codes as strings or numbers and empty strings for missing values; both
// are accepted. Fields we do not map yet are kept in the raw payload.
import { Type, type Static } from 'typebox';
import { HOUR_MS, formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import { AppError, type FieldIssue } from '../../errors.ts';

const Code = Type.Union([Type.String({ maxLength: 100 }), Type.Integer()]);
const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const DvcqgDocument = Type.Object(
  {
    TenTepDinhKem: Type.String({ minLength: 1, maxLength: 500, description: 'File name' }),
    MaThanhPhanHoSo: Type.Optional(Code),
    DuongDanTaiTepTin: Text(2000),
    DuocSoHoa: Type.Optional(Type.Union([Code, Type.Boolean()])),
    DuocTaiSuDung: Type.Optional(Type.Union([Code, Type.Boolean()])),
    DuocLayTuKhoDMQG: Type.Optional(Type.Union([Code, Type.Boolean()])),
    MaKetQuaThayThe: Type.Optional(Code),
  },
  { additionalProperties: true },
);

export const DvcqgFee = Type.Object(
  {
    TenPhiLePhi: Type.String({ minLength: 1, maxLength: 500 }),
    MaPhiLePhi: Type.Optional(Code),
    HinhThucThu: Type.Optional(Code),
    Gia: Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: '^\\s*\\d+(\\.0+)?\\s*$' })], { description: 'Amount in VND' }),
    LoaiPhiLePhi: Type.Optional(Code),
  },
  { additionalProperties: true },
);

export const DvcqgDossier = Type.Object(
  {
    MaHoSo: Type.String({ minLength: 1, maxLength: 100, description: "The portal's dossier code" }),
    MaTTHC: Type.String({ minLength: 1, maxLength: 50, description: 'National procedure code, e.g. 1.002211' }),
    TenTTHC: Text(1000),
    KenhThucHien: Type.Optional(Code),
    ChuHoSo: Type.String({ minLength: 1, maxLength: 200, description: 'The applicant (chủ hồ sơ)' }),
    LoaiDoiTuong: Type.Optional(Code),
    MaDoiTuong: Type.Optional(Code),
    SoDienThoai: Text(30),
    Email: Text(200),
    TrichYeuHoSo: Text(2000),
    NgayNopHoSo: Type.String({ description: 'When the applicant submitted: yyyyMMddHHmmss, Vietnam time', examples: ['20260302085500'] }),
    DonViXuLy: Type.String({ minLength: 1, maxLength: 35, description: 'Electronic code of the agency that handles it' }),
    NoiNopHoSo: Type.Optional(Code),
    TaiLieuNop: Type.Optional(Type.Array(DvcqgDocument, { maxItems: 100 })),
    DanhSachLePhi: Type.Optional(Type.Array(DvcqgFee, { maxItems: 50 })),
    DinhDanhCHS: Type.Optional(
      Type.Array(Type.Object({ LoaiDinhDanh: Type.Optional(Code), SoDinhDanh: Type.String({ maxLength: 50 }) }, { additionalProperties: true }), { maxItems: 10 }),
    ),
  },
  { additionalProperties: true },
);
export type DvcqgDossier = Static<typeof DvcqgDossier>;

const issue = (path: string, rule: string, message: string, messageEn: string): FieldIssue => ({ path, rule, message, messageEn });

/** yyyyMMddHHmmss in Vietnam time (UTC+7) → epoch milliseconds; undefined when it is not a real moment. */
export function parseDvcqgDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(local);
  const isReal =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return isReal ? local - 7 * HOUR_MS : undefined;
}

/** Epoch milliseconds → yyyyMMddHHmmss in Vietnam time, as the portal writes dates. */
export function formatDvcqgDate(ms: number): string {
  return formatVietnamIso(ms).slice(0, 19).replace(/\D/g, '');
}

const blank = (value: string | number | boolean | undefined): string | undefined => {
  const text = value === undefined ? '' : String(value).trim();
  return text === '' ? undefined : text;
};

const flag = (value: string | number | boolean | undefined): boolean => value === true || value === 1 || value === '1' || String(value).toLowerCase() === 'true';

/** The dossier fields we take from the payload; INVALID_INPUT naming the portal's field when one cannot be used. */
export function mapDvcqgDossier(payload: DvcqgDossier, now: number) {
  const issues: FieldIssue[] = [];
  const submittedAt = parseDvcqgDate(payload.NgayNopHoSo);
  if (submittedAt === undefined) {
    issues.push(issue('NgayNopHoSo', 'date_format', 'phải là thời điểm có thật theo định dạng yyyyMMddHHmmss (giờ Việt Nam)', 'must be a real moment as yyyyMMddHHmmss (Vietnam time)'));
  } else if (submittedAt > now + 5 * 60_000) {
    issues.push(issue('NgayNopHoSo', 'not_future', 'không được sau thời điểm hiện tại', 'must not be in the future'));
  }
  const channel = blank(payload.KenhThucHien);
  if (channel !== undefined && !['1', '2', '3'].includes(channel)) {
    issues.push(issue('KenhThucHien', 'enum', 'phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính)', 'must be 1 (in person), 2 (online) or 3 (post)'));
  }
  const components = (payload.TaiLieuNop ?? []).map((document, i) => {
    const url = blank(document.DuongDanTaiTepTin);
    if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) {
      issues.push(issue(`TaiLieuNop.${i}.DuongDanTaiTepTin`, 'url', 'phải là đường dẫn http(s)', 'must be an http(s) link'));
    }
    return {
      name: document.TenTepDinhKem.trim(),
      code: blank(document.MaThanhPhanHoSo) ?? null,
      provided: true,
      files: [],
      links: url === undefined ? [] : [{ name: document.TenTepDinhKem.trim(), url, digitised: flag(document.DuocSoHoa) }],
    };
  });
  const feeLines = (payload.DanhSachLePhi ?? []).map((fee, i) => {
    const amount = Number(typeof fee.Gia === 'string' ? fee.Gia.trim() : fee.Gia);
    if (!Number.isSafeInteger(amount)) issues.push(issue(`DanhSachLePhi.${i}.Gia`, 'integer', 'phải là số đồng nguyên', 'must be a whole number of VND'));
    return { name: fee.TenPhiLePhi.trim(), amountVnd: amount, code: blank(fee.MaPhiLePhi) ?? null, method: blank(fee.HinhThucThu) ?? null, kind: blank(fee.LoaiPhiLePhi) ?? null };
  });
  if (issues.length > 0) throw AppError.invalidInput(issues);
  const phone = blank(payload.SoDienThoai)?.replace(/[^\d+]/g, '');
  const idNumber = blank(payload.DinhDanhCHS?.find((id) => blank(id.SoDinhDanh))?.SoDinhDanh);
  const email = blank(payload.Email);
  return {
    submittedAt: submittedAt as number,
    applicant: { name: payload.ChuHoSo.trim(), ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    components,
    feeLines,
  };
}
