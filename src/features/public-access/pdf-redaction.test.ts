// The redaction removes text from the file, checked with an independent extractor (poppler's pdftotext,
// pdfinfo) and MuPDF's decompressed bytes: no shielded word in text, metadata or annotations.
import { describe, expect, it } from 'vitest';
import { buildPdf, everythingInPdf } from '../../../tests/support/pdf.js';
import { extractPdfText, redactPdf } from './pdf-redaction.js';

const SECRET = 'HEMMELIGAS';
const PRICE = '4711';
const source = buildPdf({
  pages: [
    [`Tilbud fra Leverandør ${SECRET} om pris ${PRICE} kroner.`, 'Annen linje med offentlig tekst.'],
    [`Side to: ${SECRET} igjen.`, 'Konklusjon: tilbudet er vurdert.'],
  ],
  title: `Evaluering av ${SECRET}`,
  subject: SECRET,
  keywords: `${SECRET}, ${PRICE}`,
  annotation: `Merknad: ${SECRET} er dyr`,
});

describe('redactPdf', () => {
  it('the source really carries the words everywhere (the check can fail)', async () => {
    const found = await everythingInPdf(source);
    expect(found.text).toContain(SECRET);
    expect(found.info).toContain(SECRET);
    expect(found.raw).toContain(`Merknad: ${SECRET}`);
  });

  it('removes every occurrence from the text, the metadata and the annotations; keeps the rest', async () => {
    const result = await redactPdf(source, { words: [SECRET, PRICE], areas: [] }, 'Evaluering av *****');
    expect(result.matches).toEqual({ [SECRET]: 2, [PRICE]: 1 });
    const found = await everythingInPdf(result.content);
    for (const where of [found.text, found.info, found.raw]) {
      expect(where).not.toContain(SECRET);
      expect(where).not.toContain(PRICE);
    }
    expect(found.text).toContain('Annen linje med offentlig tekst.');
    expect(found.text).toContain('Konklusjon: tilbudet er vurdert.');
    expect(found.info).toContain('Evaluering av *****');
    expect(await extractPdfText(result.content)).toHaveLength(2);
  });

  it('an area removes what lies under it', async () => {
    // The first line's baseline is at y = 792 - 760 = 32 from the top; the area covers that line only.
    const result = await redactPdf(
      source,
      { words: [], areas: [{ page: 1, x: 0, y: 20, width: 612, height: 16 }] },
      'x',
    );
    const found = await everythingInPdf(result.content);
    expect(found.text).not.toContain('Tilbud fra');
    expect(found.text).toContain('Annen linje med offentlig tekst.');
  });

  it('refuses what is not a PDF and areas outside the document', async () => {
    await expect(redactPdf(Buffer.from('ikke en pdf'), { words: ['x'], areas: [] }, 't')).rejects.toThrow(
      /PDF/,
    );
    await expect(
      redactPdf(source, { words: [], areas: [{ page: 3, x: 0, y: 0, width: 1, height: 1 }] }, 't'),
    ).rejects.toThrow(/side 3/);
  });
});
