import { describe, expect, it } from 'vitest';
import { composeMailText } from './mail-dispatcher.js';
import { decodeMailBody, encodeMailBody } from './mail-body.js';

describe('mail body in the outbox', () => {
  it('keeps a bare link for ordinary notices and reads older rows as a link', () => {
    expect(encodeMailBody({ link: '/saker/1' })).toBe('/saker/1');
    expect(decodeMailBody('/saker/1')).toEqual({
      link: '/saker/1',
      lines: [],
      documents: [],
      variants: [],
      audience: 'members',
    });
  });

  it('round-trips agenda lines and document references (ids only)', () => {
    const body = {
      link: '/moter/1',
      lines: ['Saksliste:', '1. Sak'],
      documents: [{ id: 'd1', label: 'Sak 1' }],
    };
    expect(decodeMailBody(encodeMailBody(body))).toEqual({ ...body, variants: [], audience: 'members' });
  });

  it('a mail to the public (an access request answer) carries variants and has no login link', () => {
    const body = {
      link: '/innsyn',
      audience: 'public' as const,
      lines: ['Svar'],
      variants: [{ id: 'v1', label: '2026/1-2' }],
    };
    expect(decodeMailBody(encodeMailBody(body))).toEqual({ ...body, documents: [] });
    const text = composeMailText('Svar', '/innsyn', 'https://styr.example.no', {
      lines: ['Svar på innsynskrav'],
      audience: 'public',
      variantLines: ['- Notat (notat.pdf, sladdet offentlig versjon) – vedlagt'],
    });
    expect(text).toContain('sladdet offentlig versjon');
    expect(text).toContain('Offentlig journal: https://styr.example.no/innsyn');
    expect(text).not.toContain('krever innlogging');
  });

  it('names exempt documents only as exempt with the link, and says when the size cap was hit', () => {
    const text = composeMailText('Innkalling', '/moter/1', 'https://styr.example.no', {
      lines: ['Saksliste:', '1. Sak'],
      documents: [
        { documentId: 'a', kind: 'exempt', label: 'Sak 1' },
        {
          documentId: 'b',
          kind: 'tooLarge',
          title: 'Stor',
          fileName: 'stor.pdf',
          sizeBytes: 9e6,
          label: 'Sak 1',
        },
      ],
    });
    expect(text).toContain('Sak 1: Unntatt offentlighet – les i portalen: https://styr.example.no/moter/1');
    expect(text).toMatch(/stor\.pdf.*ikke vedlagt: vedleggene ville blitt over 15 MB til sammen/);
  });
});
