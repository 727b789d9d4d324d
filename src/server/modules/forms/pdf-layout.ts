// Shared layout of the printable forms: fonts with Vietnamese glyphs, the national heading, Vietnamese dates,
// and the dossier code as QR code and barcode.
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { localDay, localTimeOfDay, DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/calendar/vietnam-time.ts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf');

export type Doc = PDFKit.PDFDocument;

/** A new A5 (or A4) document with the Vietnamese fonts registered as "regular" and "bold". */
export function newDocument(size: 'A5' | 'A4' = 'A5', layout: 'portrait' | 'landscape' = 'portrait'): Doc {
  const doc = new PDFDocument({ size, layout, margin: size === 'A5' ? 32 : 40, info: { Producer: 'motcua', Creator: 'motcua' } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular').fontSize(9);
  return doc;
}

/** "09 giờ 32 phút, ngày 27 tháng 10 năm 2023" in Vietnam time. */
export function vietnameseDateTime(ms: number): string {
  const time = localTimeOfDay(ms);
  const date = new Date(localDay(ms) * DAY_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(time / HOUR_MS))} giờ ${two(Math.floor((time % HOUR_MS) / MINUTE_MS))} phút, ngày ${two(date.getUTCDate())} tháng ${two(date.getUTCMonth() + 1)} năm ${date.getUTCFullYear()}`;
}

/** Agency name on the left, the national motto on the right, then the form's title. */
export function heading(doc: Doc, agencyName: string, title: string, subtitle?: string): void {
  const top = doc.y;
  const half = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2;
  doc.font('bold').fontSize(8).text(agencyName.toUpperCase(), doc.page.margins.left, top, { width: half - 8, align: 'center' });
  doc.font('bold').fontSize(8).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', doc.page.margins.left + half, top, { width: half, align: 'center' });
  doc.font('bold').fontSize(8).text('Độc lập - Tự do - Hạnh phúc', { width: half, align: 'center' });
  doc.moveDown(1.2);
  doc.x = doc.page.margins.left;
  doc.font('bold').fontSize(12).text(title, { align: 'center' });
  if (subtitle) doc.font('regular').fontSize(9).text(subtitle, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(9);
}

export function line(doc: Doc, label: string, value: string): void {
  doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
}

export function bullets(doc: Doc, items: string[]): void {
  items.forEach((item, i) => doc.text(`${i + 1}. ${item}`, { indent: 12 }));
}

/** QR code (the public tracking link) and Code 128 barcode (the code) at the bottom of the page. */
export async function codeMarks(doc: Doc, code: string, trackingUrl: string): Promise<void> {
  const qr = await QRCode.toBuffer(trackingUrl, { errorCorrectionLevel: 'M', margin: 1, width: 160 });
  const barcode = await bwipjs.toBuffer({ bcid: 'code128', text: code, scale: 2, height: 8, includetext: false });
  const y = Math.max(doc.y + 8, doc.page.height - doc.page.margins.bottom - 90);
  doc.image(qr, doc.page.margins.left, y, { width: 72, height: 72 });
  doc.image(barcode, doc.page.margins.left + 90, y + 10, { width: 180, height: 36 });
  doc.font('regular').fontSize(7).text(code, doc.page.margins.left + 90, y + 50, { width: 180, align: 'center' });
  doc.text(`Tra cứu: ${trackingUrl}`, doc.page.margins.left + 90, y + 60, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right - 90 });
}

export function signatures(doc: Doc, left: string, right: string): void {
  doc.moveDown(1);
  const y = doc.y;
  const half = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2;
  doc.font('bold').fontSize(9).text(left, doc.page.margins.left, y, { width: half, align: 'center' });
  doc.text(right, doc.page.margins.left + half, y, { width: half, align: 'center' });
  doc.font('regular').fontSize(7).text('(Ký, ghi rõ họ tên)', doc.page.margins.left, doc.y, { width: half, align: 'center' });
  doc.text('(Ký, ghi rõ họ tên)', doc.page.margins.left + half, y + 12, { width: half, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.moveDown(2.5);
}

/** Collects the document into one buffer. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
