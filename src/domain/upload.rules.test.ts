import { describe, expect, it } from 'vitest';
import { checkFileName, checkUpload } from './upload.rules.js';

const pdf = Buffer.from('%PDF-1.7 innhold');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);

describe('upload checks', () => {
  it('refuses paths and tricks in file names', () => {
    for (const name of [
      '../../x',
      '..\\x',
      'a/b.pdf',
      '..',
      '.htaccess',
      'nul\u0000.pdf',
      ' x.pdf',
      'x:y.pdf',
    ])
      expect(checkFileName(name), name).not.toBeNull();
    expect(checkFileName('Referat styringsgruppe 2026-09.pdf')).toBeNull();
  });

  it('accepts allowed types whose content starts with their magic bytes', () => {
    expect(checkUpload({ fileName: 'a.pdf', contentType: 'application/pdf', content: pdf })).toEqual([]);
    expect(checkUpload({ fileName: 'a.png', contentType: 'image/png', content: png })).toEqual([]);
    expect(
      checkUpload({ fileName: 'a.txt', contentType: 'text/plain', content: Buffer.from('Hei på deg') }),
    ).toEqual([]);
    expect(
      checkUpload({
        fileName: 'a.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: Buffer.from([0x50, 0x4b, 3, 4, 0]),
      }),
    ).toEqual([]);
  });

  it('refuses a forged content type, a wrong extension, an unknown type, an empty and an oversized file', () => {
    expect(
      checkUpload({ fileName: 'a.pdf', contentType: 'application/pdf', content: Buffer.from('MZ…') })[0]!
        .kind,
    ).toBe('forged');
    expect(checkUpload({ fileName: 'a.png', contentType: 'image/png', content: pdf })[0]!.kind).toBe(
      'forged',
    );
    expect(checkUpload({ fileName: 'a.txt', contentType: 'text/plain', content: png })[0]!.kind).toBe(
      'forged',
    );
    expect(checkUpload({ fileName: 'a.exe', contentType: 'application/pdf', content: pdf })[0]!.kind).toBe(
      'forged',
    );
    expect(
      checkUpload({ fileName: 'a.exe', contentType: 'application/x-msdownload', content: pdf })[0]!.kind,
    ).toBe('contentType');
    expect(
      checkUpload({ fileName: 'a.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) })[0]!.kind,
    ).toBe('empty');
    const big = Buffer.concat([pdf, Buffer.alloc(100)]);
    expect(
      checkUpload({ fileName: 'a.pdf', contentType: 'application/pdf', content: big }, 50)[0]!.kind,
    ).toBe('tooLarge');
  });
});
