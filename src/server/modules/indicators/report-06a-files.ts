// Form II.06a/VPCP/KSTT as files: an Excel workbook (exceljs) and a landscape A4 PDF (pdfkit, Be Vietnam Pro through
// forms/pdf-layout.ts), both with the title, the period, the unit and the official two-level headers.
import ExcelJS from 'exceljs';
import { dayFromIso, isoFromDay } from '../../../shared/calendar/vietnam-time.ts';
import type { FormII06a } from '../../../shared/indicators/indicators.ts';
import { finish, heading, newDocument, type Doc } from '../forms/pdf-layout.ts';
import type { Report06a } from './report-06a.ts';

export const TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const FORM_CODE = 'Biểu II.06a/VPCP/KSTT';
export const UNIT = 'Đơn vị tính: hồ sơ';

/** The heading of the second column: the agency, or the field and level. */
const nameHeader = (report: Report06a) => (report.groupBy === 'field' ? 'Lĩnh vực (cấp giải quyết)' : 'Đơn vị');
export const TOTAL_LABEL = 'Tổng cộng';

/** Top-level header groups and their columns (after STT and Đơn vị), in the official order. */
export const GROUPS = [
  { label: 'Số hồ sơ nhận giải quyết', columns: ['Tổng số', 'Trực tuyến', 'Trực tiếp, qua bưu chính', 'Từ kỳ trước chuyển sang'] },
  { label: 'Số hồ sơ đã giải quyết', columns: ['Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn'] },
  { label: 'Số hồ sơ đang giải quyết', columns: ['Tổng số', 'Trong hạn', 'Quá hạn'] },
] as const;

/** The 11 figures of one row, in column order. */
export function figures(f: FormII06a): number[] {
  return [
    f.received.total, f.received.online, f.received.inPersonOrPost, f.received.carriedOver,
    f.resolved.total, f.resolved.early, f.resolved.onTime, f.resolved.late,
    f.pending.total, f.pending.withinDeadline, f.pending.overdue,
  ];
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** "Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026" — `to` is exclusive, so the last day is the one before. */
export function periodLine(report: Report06a): string {
  const last = isoFromDay(dayFromIso(report.period.to) - 1);
  const asOf = report.asOf < report.period.to ? ` (số liệu đến 00 giờ ngày ${vnDate(report.asOf)})` : '';
  return `Kỳ báo cáo: từ ngày ${vnDate(report.period.from)} đến ngày ${vnDate(last)}${asOf}`;
}

/** An ASCII file name: bieu-II06a-2026-03-01-2026-04-01.xlsx */
export const fileName = (report: Report06a, ext: 'xlsx' | 'pdf') => `bieu-II06a-${report.period.from}-${report.period.to}.${ext}`;

/** Where the table starts in the workbook: header rows, the column-number row, then one row per agency and the total. */
export const XLSX_LAYOUT = { groupRow: 5, columnRow: 6, numberRow: 7, firstDataRow: 8, firstFigureColumn: 3 } as const;

export async function report06aXlsx(report: Report06a): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('II.06a', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const { groupRow, columnRow, numberRow, firstDataRow, firstFigureColumn } = XLSX_LAYOUT;
  const lastColumn = firstFigureColumn + 10;
  const bold = { bold: true, name: 'Times New Roman', size: 12 };
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

  ws.getCell(1, lastColumn).value = FORM_CODE;
  ws.getCell(1, lastColumn).alignment = { horizontal: 'right' };
  for (const [row, text, font] of [[2, TITLE, { ...bold, size: 14 }], [3, periodLine(report), { name: 'Times New Roman', size: 12 }], [4, UNIT, { name: 'Times New Roman', size: 11, italic: true }]] as const) {
    ws.mergeCells(row, 1, row, lastColumn);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: row === 4 ? 'right' : 'center' };
  }
  ws.mergeCells(groupRow, 1, columnRow, 1);
  ws.getCell(groupRow, 1).value = 'STT';
  ws.mergeCells(groupRow, 2, columnRow, 2);
  ws.getCell(groupRow, 2).value = nameHeader(report);
  let column = firstFigureColumn;
  for (const group of GROUPS) {
    ws.mergeCells(groupRow, column, groupRow, column + group.columns.length - 1);
    ws.getCell(groupRow, column).value = group.label;
    group.columns.forEach((label, i) => (ws.getCell(columnRow, column + i).value = label));
    column += group.columns.length;
  }
  for (let c = 1; c <= lastColumn; c++) ws.getCell(numberRow, c).value = `(${c})`;
  const lines = [
    ...report.rows.map((row, i) => ({ stt: i + 1 as number | string, name: row.label, values: figures(row), total: false })),
    { stt: '', name: TOTAL_LABEL, values: figures(report.total), total: true },
  ];
  lines.forEach((line, i) => {
    const r = ws.getRow(firstDataRow + i);
    r.getCell(1).value = line.stt;
    r.getCell(2).value = line.name;
    line.values.forEach((v, j) => (r.getCell(firstFigureColumn + j).value = v));
    if (line.total) r.font = { ...bold, size: 11 };
  });
  const lastRow = firstDataRow + lines.length - 1;
  for (let r: number = groupRow; r <= lastRow; r++) {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      if (r <= numberRow) {
        cell.alignment = center;
        cell.font = r === numberRow ? { italic: true, name: 'Times New Roman', size: 10 } : { ...bold, size: 11 };
      } else if (c !== 2) cell.alignment = { horizontal: c === 1 ? 'center' : 'right', vertical: 'middle' };
      else cell.alignment = { vertical: 'middle', wrapText: true };
    }
  }
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  for (let c = firstFigureColumn; c <= lastColumn; c++) ws.getColumn(c).width = 13;
  ws.getRow(columnRow).height = 45;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: numberRow }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// PDF table geometry: landscape A4 (842 × 595 pt) with 40 pt margins leaves 762 pt.
const NAME_WIDTH = 190;
const STT_WIDTH = 28;
const FIGURE_WIDTH = (762 - NAME_WIDTH - STT_WIDTH) / 11;

function cell(doc: Doc, x: number, y: number, w: number, h: number, text: string, options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): void {
  doc.rect(x, y, w, h).lineWidth(0.5).stroke();
  doc.font(options.bold ? 'bold' : 'regular').fontSize(8);
  const textHeight = doc.heightOfString(text, { width: w - 6 });
  doc.text(text, x + 3, y + Math.max(3, (h - textHeight) / 2), { width: w - 6, align: options.align ?? 'center', lineBreak: true });
}

function tableHeader(doc: Doc, name: string): number {
  const left = doc.page.margins.left;
  const y = doc.y;
  const [groupH, columnH, numberH] = [22, 34, 14];
  cell(doc, left, y, STT_WIDTH, groupH + columnH, 'STT', { bold: true });
  cell(doc, left + STT_WIDTH, y, NAME_WIDTH, groupH + columnH, name, { bold: true });
  let x = left + STT_WIDTH + NAME_WIDTH;
  for (const group of GROUPS) {
    cell(doc, x, y, FIGURE_WIDTH * group.columns.length, groupH, group.label, { bold: true });
    group.columns.forEach((label, i) => cell(doc, x + i * FIGURE_WIDTH, y + groupH, FIGURE_WIDTH, columnH, label, { bold: true }));
    x += FIGURE_WIDTH * group.columns.length;
  }
  const widths = [STT_WIDTH, NAME_WIDTH, ...Array<number>(11).fill(FIGURE_WIDTH)];
  let cx = left;
  widths.forEach((w, i) => {
    cell(doc, cx, y + groupH + columnH, w, numberH, `(${i + 1})`);
    cx += w;
  });
  return y + groupH + columnH + numberH;
}

export async function report06aPdf(report: Report06a): Promise<Buffer> {
  const doc = newDocument('A4', 'landscape');
  const reporter = report.groupBy === 'agency' && report.rows.length === 1 ? (report.rows[0]?.label ?? '') : 'Cơ quan, đơn vị báo cáo';
  heading(doc, reporter, TITLE, `${FORM_CODE} — ${periodLine(report)}`);
  doc.font('regular').fontSize(8).text(UNIT, { align: 'right' });
  doc.moveDown(0.3);
  let y = tableHeader(doc, nameHeader(report));
  const left = doc.page.margins.left;
  const lines = [
    ...report.rows.map((row, i) => ({ stt: String(i + 1), name: row.label, values: figures(row), bold: false })),
    { stt: '', name: TOTAL_LABEL, values: figures(report.total), bold: true },
  ];
  for (const line of lines) {
    doc.font(line.bold ? 'bold' : 'regular').fontSize(8);
    const h = Math.max(18, doc.heightOfString(line.name, { width: NAME_WIDTH - 6 }) + 8);
    if (y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      y = tableHeader(doc, nameHeader(report));
    }
    cell(doc, left, y, STT_WIDTH, h, line.stt, { bold: line.bold });
    cell(doc, left + STT_WIDTH, y, NAME_WIDTH, h, line.name, { bold: line.bold, align: 'left' });
    line.values.forEach((v, i) => cell(doc, left + STT_WIDTH + NAME_WIDTH + i * FIGURE_WIDTH, y, FIGURE_WIDTH, h, String(v), { bold: line.bold, align: 'right' }));
    y += h;
  }
  doc.x = left;
  doc.y = y + 12;
  return finish(doc);
}
