// Forms 01–04 of TT 01/2018/TT-VPCP (receipt, supplement request, refusal, apology), A5, Vietnamese.
import { ACTION_LABELS, type ActionType } from '../../../shared/dossiers/actions.ts';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import { AppError } from '../../errors.ts';
import type { FormData } from './form-data.ts';
import { bullets, codeMarks, finish, heading, line, newDocument, signatures, vietnameseDateTime } from './pdf-layout.ts';

interface Person {
  name?: string;
  phone?: string;
  idNumber?: string;
  address?: string;
  email?: string;
}

function lastAction(data: FormData, types: ActionType[]) {
  const action = [...data.actions].reverse().find((a) => (types as string[]).includes(a.type));
  if (!action) {
    throw new AppError('CONFLICT', 'Hồ sơ chưa có thao tác tương ứng với biểu mẫu này.', `The dossier has no ${types.join(' / ')} action for this form.`, { rule: 'form_not_applicable' });
  }
  return action;
}

function applicantBlock(doc: PDFKit.PDFDocument, data: FormData): void {
  const applicant = data.dossier.applicant as Person;
  line(doc, 'Người nộp hồ sơ', applicant.name ?? '');
  if (applicant.idNumber) line(doc, 'Số định danh cá nhân', applicant.idNumber);
  if (applicant.phone) line(doc, 'Số điện thoại', applicant.phone);
  if (applicant.address) line(doc, 'Địa chỉ', applicant.address);
  line(doc, 'Thủ tục', `${data.procedure.code ? `${data.procedure.code} – ` : ''}${data.procedure.name}`);
}

function requireCode(data: FormData): string {
  if (!data.dossier.code) throw new AppError('CONFLICT', 'Hồ sơ chưa được tiếp nhận nên chưa có mã.', 'The dossier has no code until it is received.', { rule: 'form_not_applicable' });
  return data.dossier.code;
}

/** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export async function renderForm01(data: FormData): Promise<Buffer> {
  const code = requireCode(data);
  const { dossier } = data;
  const doc = newDocument('A5');
  heading(doc, data.receivingAgency, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${code}`);
  applicantBlock(doc, data);
  doc.moveDown(0.4).font('bold').text('Thành phần hồ sơ:').font('regular');
  const components = dossier.components as { name: string; quantity?: string; provided: boolean }[];
  bullets(doc, components.length ? components.map((c) => `${c.name}${c.quantity ? ` (${c.quantity})` : ''}${c.provided ? '' : ' — chưa nộp'}`) : ['Theo quy định của thủ tục']);
  doc.moveDown(0.4);
  const duration = dossier.duration as { value: number; unit: string } | null;
  if (duration) line(doc, 'Thời hạn giải quyết', `${duration.value} ${UNIT_VI[duration.unit] ?? duration.unit}`);
  line(doc, 'Thời gian nhận hồ sơ', vietnameseDateTime(dossier.receivedAt!.getTime()));
  line(doc, 'Thời gian trả kết quả giải quyết hồ sơ', vietnameseDateTime(dossier.firstDueAt!.getTime()));
  line(doc, 'Nơi trả kết quả', data.receivingAgency);
  doc.font('regular').fontSize(8).text('Kết quả có thể có sớm hơn hẹn; cơ quan sẽ báo qua tin nhắn hoặc thư điện tử. Tra cứu tình trạng hồ sơ bằng mã QR dưới đây.');
  doc.fontSize(9);
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
  await codeMarks(doc, code, data.trackingUrl);
  return finish(doc);
}

const UNIT_VI: Record<string, string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  hours: 'giờ',
  calendar_days: 'ngày',
  months: 'tháng',
};

/** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export async function renderForm02(data: FormData): Promise<Buffer> {
  const request = lastAction(data, ['request_supplement']);
  const payload = request.payload as { missing: string[]; note?: string | null; closeAt?: string };
  const doc = newDocument('A5');
  heading(doc, data.competentAgency, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', data.dossier.code ? `Mã hồ sơ: ${data.dossier.code}` : undefined);
  applicantBlock(doc, data);
  doc.moveDown(0.4).text(`Ngày ${vietnameseDateTime(request.at.getTime())}, hồ sơ cần bổ sung, hoàn thiện các nội dung sau:`);
  bullets(doc, payload.missing);
  if (payload.note) doc.text(`Ghi chú: ${payload.note}`);
  if (payload.closeAt) {
    doc.moveDown(0.4).text(`Nếu đến ${vietnameseDateTime(Date.parse(payload.closeAt))} hồ sơ chưa được bổ sung, cơ quan sẽ kết thúc xử lý theo quy định.`);
  }
  doc.text('Yêu cầu bổ sung chỉ được đưa ra một lần (Nghị định 118/2025/NĐ-CP).');
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI HƯỚNG DẪN');
  if (data.dossier.code) await codeMarks(doc, data.dossier.code, data.trackingUrl);
  return finish(doc);
}

/** Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export async function renderForm03(data: FormData): Promise<Buffer> {
  const refusal = lastAction(data, ['refuse_intake', 'refuse']);
  const doc = newDocument('A5');
  heading(doc, refusal.type === 'refuse' ? data.competentAgency : data.receivingAgency, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', data.dossier.code ? `Mã hồ sơ: ${data.dossier.code}` : undefined);
  applicantBlock(doc, data);
  doc.moveDown(0.4).text(`Ngày ${vietnameseDateTime(refusal.at.getTime())}, cơ quan từ chối ${refusal.type === 'refuse' ? 'giải quyết' : 'tiếp nhận'} hồ sơ vì các lý do sau:`);
  bullets(doc, (refusal.payload as { reasons: string[] }).reasons);
  doc.moveDown(0.4).text('Xin thông báo để ông/bà được biết và thực hiện.');
  signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
  if (data.dossier.code) await codeMarks(doc, data.dossier.code, data.trackingUrl);
  return finish(doc);
}

/** Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export async function renderForm04(data: FormData): Promise<Buffer> {
  const code = requireCode(data);
  const extension = lastAction(data, ['extend']);
  const payload = extension.payload as { newDueAt: number; reason: string };
  const doc = newDocument('A5');
  heading(doc, data.competentAgency, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', `Mã hồ sơ: ${code}`);
  applicantBlock(doc, data);
  doc.moveDown(0.4);
  line(doc, 'Ngày hẹn trả kết quả ban đầu', vietnameseDateTime(data.dossier.firstDueAt!.getTime()));
  doc.text(`Lý do chậm: ${payload.reason}`);
  doc.text(`${data.competentAgency} xin lỗi ông/bà vì sự chậm trễ này và hẹn trả kết quả vào ${vietnameseDateTime(payload.newDueAt)}.`);
  doc.font('regular').fontSize(7).text(`(Hẹn lại một lần theo Nghị định 118/2025/NĐ-CP; ${formatVietnamIso(payload.newDueAt)})`).fontSize(9);
  signatures(doc, '', 'THỦ TRƯỞNG CƠ QUAN');
  await codeMarks(doc, code, data.trackingUrl);
  return finish(doc);
}

export const actionLabel = (type: string) => ACTION_LABELS[type as ActionType]?.vi ?? (type === 'submit' ? 'Nộp trực tuyến' : type === 'intake' ? 'Tiếp nhận tại một cửa' : type);
