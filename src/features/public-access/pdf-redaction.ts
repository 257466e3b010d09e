// Real redaction of PDFs with MuPDF (the `mupdf` package): the shielded words and marked areas are removed
// from the content streams (not covered by a box over live text), and everything else a PDF can carry text
// in — the information dictionary, XMP metadata, annotations, form fields, bookmarks, embedded files — is
// dropped from the public variant. Bytes in, bytes out; the WebAssembly library loads on first use.
import type * as Mupdf from 'mupdf';
import { badRequest } from '../../shared/app-error.js';

export interface RedactionArea {
  /** 1-based page number. */
  page: number;
  /** In PDF points from the page's top left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RedactionSpec {
  /** Words or phrases to remove wherever they occur (case-insensitive, as MuPDF's search). */
  words: string[];
  areas: RedactionArea[];
}

export interface RedactionResult {
  content: Buffer;
  /** How many places the words were found, per word. */
  matches: Record<string, number>;
  pages: number;
}

let library: Promise<typeof Mupdf> | null = null;
const loadMupdf = () => (library ??= import('mupdf'));

function openPdf(mupdf: typeof Mupdf, content: Buffer) {
  let document: Mupdf.Document;
  try {
    document = mupdf.Document.openDocument(content, 'application/pdf');
  } catch {
    throw badRequest('Filen kan ikke leses som PDF.', [{ path: 'file', message: 'Ikke en lesbar PDF' }]);
  }
  const pdf: Mupdf.PDFDocument | null = document.asPDF();
  if (!pdf) throw badRequest('Filen er ikke en PDF.', [{ path: 'file', message: 'Ikke en PDF' }]);
  if (pdf.needsPassword())
    throw badRequest('PDF-en er passordbeskyttet og kan ikke sladdes.', [
      { path: 'file', message: 'Passordbeskyttet' },
    ]);
  return pdf;
}

/** The text of every page (to show the secretariat what will be searched, and for checks). */
export async function extractPdfText(content: Buffer): Promise<string[]> {
  const pdf = openPdf(await loadMupdf(), content);
  const pages: string[] = [];
  for (let i = 0; i < pdf.countPages(); i += 1) pages.push(pdf.loadPage(i).toStructuredText('').asText());
  return pages;
}

/**
 * The public variant: every occurrence of each word and every area is redacted (text under it removed,
 * images under it blanked), then metadata, annotations and other text carriers are removed.
 * The public title becomes the only metadata.
 */
export async function redactPdf(
  content: Buffer,
  spec: RedactionSpec,
  publicTitle: string,
): Promise<RedactionResult> {
  const mupdf = await loadMupdf();
  const pdf = openPdf(mupdf, content);
  const pageCount = pdf.countPages();
  const matches: Record<string, number> = Object.fromEntries(spec.words.map((w) => [w, 0]));
  for (const area of spec.areas) {
    if (area.page < 1 || area.page > pageCount)
      throw badRequest(`Området viser til side ${area.page}, men dokumentet har ${pageCount} sider.`, [
        { path: 'areas', message: 'Ukjent side' },
      ]);
  }
  for (let index = 0; index < pageCount; index += 1) {
    const page = pdf.loadPage(index);
    // Annotations and form fields go first: their text is not page content and redaction does not reach it.
    for (const annotation of page.getAnnotations()) page.deleteAnnotation(annotation);
    for (const widget of page.getWidgets()) page.deleteAnnotation(widget);
    let marks = 0;
    for (const word of spec.words) {
      for (const hit of page.search(word, '')) {
        const annotation = page.createAnnotation('Redact');
        annotation.setQuadPoints(hit);
        matches[word] = (matches[word] ?? 0) + 1;
        marks += 1;
      }
    }
    for (const area of spec.areas.filter((a) => a.page === index + 1)) {
      const annotation = page.createAnnotation('Redact');
      annotation.setRect([area.x, area.y, area.x + area.width, area.y + area.height]);
      marks += 1;
    }
    if (marks > 0)
      page.applyRedactions(
        true,
        mupdf.PDFPage.REDACT_IMAGE_PIXELS,
        mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED,
        mupdf.PDFPage.REDACT_TEXT_REMOVE,
      );
  }
  stripTextCarriers(pdf, publicTitle);
  // garbage=4 drops the now unreferenced objects (old streams, the old info dictionary) from the file.
  const output = pdf.saveToBuffer('garbage=4,compress,clean,sanitize');
  return { content: Buffer.from(output.asUint8Array()), matches, pages: pageCount };
}

function stripTextCarriers(pdf: Mupdf.PDFDocument, publicTitle: string) {
  const trailer = pdf.getTrailer();
  const root = trailer.get('Root');
  for (const key of [
    'Metadata',
    'Outlines',
    'Names',
    'AcroForm',
    'OpenAction',
    'AA',
    'StructTreeRoot',
    'PieceInfo',
  ])
    root.delete(key);
  const info = pdf.newDictionary();
  info.put('Title', pdf.newString(publicTitle));
  info.put('Producer', pdf.newString('Styringsportalen (sladdet offentlig versjon)'));
  trailer.put('Info', pdf.addObject(info));
  for (let index = 0; index < pdf.countPages(); index += 1) {
    const page = pdf.findPage(index);
    for (const key of ['Annots', 'Metadata', 'PieceInfo', 'AA']) page.delete(key);
  }
}
