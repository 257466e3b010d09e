import { describe, expect, it } from 'vitest';
import { attribute, scanXml, XmlError } from './xml-scanner.js';

const collect = (xml: string) => {
  const events: Array<[string, string, string]> = [];
  const root = scanXml(xml, ({ path, attributes, text }) =>
    events.push([path.join('/'), attributes.trim(), text]),
  );
  return { root, events };
};

describe('strict XML scanner', () => {
  it('reports local-name paths, attributes and decoded text, with comments, CDATA and a declaration', () => {
    const { root, events } = collect(
      `<?xml version="1.0"?>\n<!-- hei --><a:Invoice xmlns:a="x"><b:ID schemeID="0192" note='a > b'>A&amp;B &#x41;&#65;</b:ID><Empty/><c><![CDATA[<raw>]]></c></a:Invoice>\n`,
    );
    expect(root).toBe('Invoice');
    expect(events).toEqual([
      ['Invoice/ID', `schemeID="0192" note='a > b'`, 'A&B AA'],
      ['Invoice/Empty', '', ''],
      ['Invoice/c', '', '<raw>'],
      ['Invoice', 'xmlns:a="x"', ''],
    ]);
    expect(attribute(` schemeID="0192" note='a > b'`, 'note')).toBe('a > b');
    expect(attribute(` cbc:listID="TST"`, 'listID')).toBe('TST');
    expect(attribute(` xlistID="TST"`, 'listID')).toBeNull();
  });

  it.each([
    ['<a><b></a></b>', /passer ikke/],
    ['<a><b></b>', /slutter før/],
    ['<a></a><b></b>', /ett rotelement/],
    ['text<a></a>', /utenfor rotelementet/],
    ['<a>&bogus;</a>', /Ukjent entitet/],
    ['<a>fish & chips</a>', /tegnreferanse/],
    ['<a b="1></a>', /slutter midt i en tagg|Ufullstendig/],
    ['<a b=1></a>', /Ugyldige attributter/],
    ['<!DOCTYPE a><a></a>', /DOCTYPE/],
    ['<1a></1a>', /Ugyldig elementnavn/],
    ['', /rotelement/],
  ])('refuses %s', (xml, message) => {
    expect(() => scanXml(xml, () => {})).toThrow(message);
    expect(() => scanXml(xml, () => {})).toThrow(XmlError);
  });

  it('gives the line of the problem', () => {
    try {
      scanXml('<a>\n<b>\n</c>\n</a>', () => {});
      expect.unreachable();
    } catch (error) {
      expect((error as XmlError).line).toBe(3);
    }
  });
});
