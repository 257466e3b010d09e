import { describe, expect, it } from 'vitest';
import { scanXml, XmlError } from './xml-scanner.js';

const INV = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

const collect = (xml: string) => {
  const events: Array<[string, Record<string, string>, string]> = [];
  const root = scanXml(xml, ({ path, attributes, text }) =>
    events.push([path.join('/'), { ...attributes }, text]),
  );
  return { root, events };
};

describe('strict namespace-aware XML reading', () => {
  it('reports qualified paths by namespace (not by prefix), plain attributes and decoded text', () => {
    const { root, events } = collect(
      `\ufeff<?xml version="1.0"?>\n<!-- hei --><a:Invoice xmlns:a="${INV}" xmlns:b="${CBC}"><b:ID schemeID="0192" note='a > b' b:x="y">A&amp;B &#x41;&#65;</b:ID><Empty xmlns="urn:other"/><b:Note><![CDATA[<raw>]]></b:Note></a:Invoice>\n`,
    );
    expect(root).toBe('inv:Invoice');
    expect(events).toEqual([
      ['inv:Invoice/cbc:ID', { schemeID: '0192', note: 'a > b' }, 'A&B AA'],
      ['inv:Invoice/{urn:other}Empty', {}, ''],
      ['inv:Invoice/cbc:Note', {}, '<raw>'],
      ['inv:Invoice', {}, ''],
    ]);
  });

  it('does not take a look-alike in another namespace for UBL', () => {
    expect(collect('<Invoice xmlns="urn:evil"><ID>1</ID></Invoice>').root).toBe('{urn:evil}Invoice');
    expect(collect('<Invoice><ID>1</ID></Invoice>').root).toBe('{}Invoice');
  });

  it('reads a document larger than one slice, with a character split across slices', () => {
    const text = 'æøå😀'.repeat(30_000);
    const { events } = collect(`<r xmlns="${INV}"><t xmlns="${CBC}">${text}</t></r>`);
    expect(events[0]![2]).toBe(text);
  });

  it.each([
    ['<a><b></a></b>', /velformet/],
    ['<a><b></b>', /velformet/],
    ['<a></a><b></b>', /velformet/],
    ['text<a></a>', /velformet/],
    ['<a>&bogus;</a>', /velformet/],
    ['<a>&#xZZ;</a>', /velformet/],
    ['<a>&#x110000;</a>', /velformet/],
    ['<a>fish & chips</a>', /velformet/],
    ['<a b="1></a>', /velformet/],
    ['<a b=1></a>', /velformet/],
    ['<x:a></x:a>', /velformet.*unbound namespace prefix/],
    ['<!DOCTYPE a><a></a>', /DOCTYPE/],
    ['<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', /DOCTYPE/],
    ['<1a></1a>', /velformet/],
    ['', /rotelement|velformet/],
  ])('refuses %s with an XmlError', (xml, message) => {
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
