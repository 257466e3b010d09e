// Builds small, valid text PDFs for the tests (a real xref table, Helvetica, one page per entry): the body
// text, the document information dictionary and a text annotation can each carry words the tests look for.
export interface TestPdf {
  pages: string[][];
  title?: string;
  subject?: string;
  keywords?: string;
  /** The Contents of a sticky-note annotation on the first page. */
  annotation?: string;
}

const escape = (text: string) => text.replace(/([\\()])/g, '\\$1');

/** Latin-1 text only (WinAnsi): æøå are fine, anything else is replaced by '?'. */
export function buildPdf(input: TestPdf): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  input.pages.forEach((lines, index) => {
    const stream = [
      'BT /F1 12 Tf 72 760 Td 16 TL',
      ...lines.map((line) => `(${escape(line)}) Tj T*`),
      'ET',
    ].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    const annots =
      index === 0 && input.annotation
        ? ` /Annots [${add(`<< /Type /Annot /Subtype /Text /Rect [400 700 420 720] /Contents (${escape(input.annotation)}) >>`)} 0 R]`
        : '';
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R${annots} >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const info = add(
    `<< ${[
      input.title ? `/Title (${escape(input.title)})` : '',
      input.subject ? `/Subject (${escape(input.subject)})` : '',
      input.keywords ? `/Keywords (${escape(input.keywords)})` : '',
      '/Producer (Styringsportalen tests)',
    ].join(' ')} >>`,
  );
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/**
 * Everything an independent reader finds in a PDF: the text by poppler's pdftotext, the metadata by pdfinfo
 * (info dictionary and XMP), and the raw file decompressed by MuPDF (annotations, outlines, any string).
 */
export async function everythingInPdf(content: Buffer): Promise<{ text: string; info: string; raw: string }> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const run = promisify(execFile);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, content);
    const text = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
    const info = (await run('pdfinfo', [file])).stdout + (await run('pdfinfo', ['-meta', file])).stdout;
    const mupdf = await import('mupdf');
    const pdf = mupdf.Document.openDocument(content, 'application/pdf').asPDF()!;
    const raw = Buffer.from(pdf.saveToBuffer('decompress').asUint8Array()).toString('latin1');
    return { text, info, raw };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
