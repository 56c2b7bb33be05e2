/**
 * Lays reports out as one PDF with pdfkit: one document per language, one after another,
 * each starting on a new page. DejaVu Sans is embedded (French and Spanish accents, ✓), and
 * the charts are drawn at twice their pixel size so they stay sharp in print.
 */
import PDFDocument from 'pdfkit';
import { renderChart } from './charts.ts';
import type { ReportBlock, ReportDocument } from './document.ts';
import { FONTS } from './fonts.ts';

const MARGIN = 56;

type Doc = PDFKit.PDFDocument;

function toBytes(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function table(doc: Doc, block: Extract<ReportBlock, { type: 'table' }>): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const cols = block.widths.map((w) => w * width);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(10);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 6 }));
    const h = Math.max(...heights) + 6;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 3, y + 3, { width: cols[i] - 6, align: i === 0 ? 'left' : 'right' });
      x += cols[i];
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(bold ? 1 : 0.5)
      .strokeColor('#888888')
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  row(block.head, true);
  for (const r of block.rows) row(r, false);
  doc.moveDown(0.8);
}

async function drawBlock(doc: Doc, block: ReportBlock): Promise<void> {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  switch (block.type) {
    case 'para':
      doc
        .font(block.style === 'strong' ? 'bold' : 'regular')
        .fontSize(block.style === 'mono' ? 9 : 11)
        .fillColor(block.style === 'muted' ? '#555555' : '#000000')
        .text(block.text, left, doc.y, { width });
      doc.fillColor('#000000').moveDown(0.5);
      break;
    case 'facts':
      for (const [label, value] of block.rows) {
        doc.font('bold').fontSize(11).text(`${label}${block.labelEnd}`, left, doc.y, { width, continued: true });
        doc.font('regular').text(value);
      }
      doc.moveDown(0.6);
      break;
    case 'table':
      table(doc, block);
      break;
    case 'chart': {
      const chart = await renderChart(block.chart, 2);
      const w = Math.min(width, chart.width / 2);
      const h = (chart.height / chart.width) * w;
      ensureSpace(doc, h + 8);
      doc.image(Buffer.from(chart.png), left, doc.y, { width: w, height: h });
      doc.y += h + 8;
      doc.x = left;
      break;
    }
  }
}

/** The reports as one PDF; the first document's language is the file's. */
export async function reportPdf(docs: ReportDocument[], info: { title: string }): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    lang: docs[0]?.lang ?? 'en',
    info: { Title: info.title, Creator: 'Consult', Producer: 'Consult (pdfkit)' },
    displayTitle: true,
  });
  const bytes = toBytes(doc);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  for (const d of docs) {
    doc.addPage();
    doc.font('bold').fontSize(18).text(d.title);
    doc.font('regular').fontSize(11).fillColor('#555555').text(d.subtitle).text(d.generated).fillColor('#000000');
    doc.moveDown(1);
    for (const s of d.sections) {
      ensureSpace(doc, 60);
      doc.font('bold').fontSize(14).text(s.heading, doc.page.margins.left, doc.y);
      doc.moveDown(0.4);
      for (const b of s.blocks) await drawBlock(doc, b);
      doc.moveDown(0.6);
    }
  }
  doc.end();
  return bytes;
}
