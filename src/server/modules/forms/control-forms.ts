// Form 05 (process-control sheet: every hand-off with its time and result) and Form 06 (dossier register).
import { classifyStep, type StepOutcome } from '../../../shared/calendar/step-budgets.ts';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.ts';
import { stepSpans, type WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import { STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import { AppError } from '../../errors.ts';
import type { FormData } from './form-data.ts';
import { codeMarks, finish, heading, newDocument, vietnameseDateTime, type Doc } from './pdf-layout.ts';

const RESULT_VI = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn', in_progress: 'Trong hạn', overdue: 'Quá hạn' } as const;

function table(doc: Doc, columns: { title: string; width: number }[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    const heights = cells.map((cell, i) => doc.font(bold ? 'bold' : 'regular').heightOfString(cell, { width: columns[i]!.width - 4 }));
    const height = Math.max(...heights) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.rect(x, y, columns[i]!.width, height).stroke('#888888');
      doc.font(bold ? 'bold' : 'regular').text(cell, x + 2, y + 2, { width: columns[i]!.width - 4 });
      x += columns[i]!.width;
    });
    doc.x = left;
    doc.y = y + height;
  };
  doc.fontSize(7);
  drawRow(columns.map((c) => c.title), true);
  for (const row of rows) drawRow(row, false);
  doc.fontSize(9).moveDown(0.5);
}

export interface StepProgress {
  key: string;
  name: string;
  role: WorkflowStep['role'];
  budget: WorkflowStep['budget'];
  startedAt: number;
  endedAt: number | null;
  actorId: string | null;
  actorName: string | null;
  dueAt: number;
  spentMs: number;
  result: StepOutcome['result'];
}

/** Form 05's rows: each hand-off (visit of a workflow step) with its budget, due time, time spent and result. */
export function stepProgress(data: Pick<FormData, 'dossier' | 'actions'>, calendar: WorkingCalendar, now: number): StepProgress[] {
  const steps = (data.dossier.workflow as WorkflowStep[] | null) ?? [];
  const log = data.actions.map((a) => ({ at: a.at.getTime(), actorId: a.actorId, payload: a.payload as Record<string, unknown> }));
  const names = new Map(data.actions.map((a) => [a.actorId, a.actorName]));
  return stepSpans(steps, log).map((span) => {
    const outcome = classifyStep(calendar, { name: span.name, ...span.budget }, span.startedAt, span.endedAt, now);
    return { ...span, actorName: span.actorId ? (names.get(span.actorId) ?? null) : null, ...outcome };
  });
}

/** Form 05: Phiếu kiểm soát quá trình giải quyết hồ sơ: each step of the workflow with its budget and result. */
export async function renderForm05(data: FormData, calendar: WorkingCalendar, now: number): Promise<Buffer> {
  const { dossier } = data;
  if (!dossier.code || !dossier.receivedAt) {
    throw new AppError('CONFLICT', 'Hồ sơ chưa được tiếp nhận.', 'The dossier has not been received yet.', { rule: 'form_not_applicable' });
  }
  const doc = newDocument('A5');
  heading(doc, data.receivingAgency, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${dossier.code}`);
  doc.text(`Thủ tục: ${data.procedure.name}`);
  doc.text(`Cơ quan giải quyết: ${data.competentAgency}`);
  doc.text(`Hẹn trả kết quả: ${vietnameseDateTime((dossier.dueAt ?? dossier.firstDueAt)!.getTime())}`).moveDown(0.4);
  const rows = stepProgress(data, calendar, now).map((step, i) => [
    String(i + 1),
    step.name,
    step.actorName ?? '',
    vietnameseDateTime(step.startedAt),
    step.endedAt ? vietnameseDateTime(step.endedAt) : 'Đang xử lý',
    `${step.budget.value} ${step.budget.unit === 'working_days' ? 'ngày LV' : 'giờ LV'}`,
    RESULT_VI[step.result],
  ]);
  table(
    doc,
    [
      { title: 'STT', width: 20 },
      { title: 'Bước', width: 62 },
      { title: 'Người thực hiện', width: 62 },
      { title: 'Nhận lúc', width: 64 },
      { title: 'Xong lúc', width: 64 },
      { title: 'Thời hạn', width: 34 },
      { title: 'Kết quả', width: 44 },
    ],
    rows,
  );
  await codeMarks(doc, dossier.code, data.trackingUrl);
  return finish(doc);
}

/** Form 06: Sổ theo dõi hồ sơ (the register lines of the given dossiers), A4 landscape. */
export async function renderForm06(agencyName: string, entries: FormData[]): Promise<Buffer> {
  const doc = newDocument('A4', 'landscape');
  heading(doc, agencyName, 'SỔ THEO DÕI HỒ SƠ');
  const rows = entries.map((data, i) => {
    const d = data.dossier;
    const applicant = (d.applicant as { name?: string; phone?: string }) ?? {};
    return [
      String(i + 1),
      d.code ?? '',
      data.procedure.name,
      `${applicant.name ?? ''}${applicant.phone ? `, ${applicant.phone}` : ''}`,
      d.receivedAt ? vietnameseDateTime(d.receivedAt.getTime()) : '',
      d.firstDueAt ? vietnameseDateTime(d.firstDueAt.getTime()) : '',
      d.finishedAt ? vietnameseDateTime(d.finishedAt.getTime()) : '',
      d.returnedAt ? vietnameseDateTime(d.returnedAt.getTime()) : '',
      STATUS_LABELS[d.status as DossierStatus].vi,
    ];
  });
  table(doc, [
    { title: 'STT', width: 26 },
    { title: 'Mã hồ sơ', width: 120 },
    { title: 'Tên thủ tục', width: 150 },
    { title: 'Người nộp', width: 90 },
    { title: 'Ngày nhận', width: 80 },
    { title: 'Ngày hẹn trả', width: 80 },
    { title: 'Ngày có kết quả', width: 80 },
    { title: 'Ngày trả kết quả', width: 80 },
    { title: 'Tình trạng', width: 55 },
  ], rows);
  return finish(doc);
}
