import { describe, expect, it } from 'vitest';
import { docInfo, pdfDate, xmpDate } from '../../../../src-main/services/digitize/pdf/doc-info';
import { MOTCUA_NS, xmpPacket } from '../../../../src-main/services/digitize/pdf/xmp';
import { assertWellFormedXml, xmlValues } from './pdf-tools';

const base = {
  dossierCode: '000.00.12.H56-261121-0042',
  component: 'Tờ khai đăng ký kết hôn',
  clerk: 'Trần Thị Ủy',
  createdAt: new Date('2026-03-01T08:30:05.987Z'),
  software: 'motcua 0.4.0',
};

describe('document metadata', () => {
  it('names the document by component and dossier code, and keys it by the code', () => {
    const info = docInfo(base);
    expect(info.title).toBe('Tờ khai đăng ký kết hôn - 000.00.12.H56-261121-0042');
    expect(info.keywords.split('; ')).toEqual(['000.00.12.H56-261121-0042', 'Tờ khai đăng ký kết hôn', 'số hoá', 'OCR']);
    expect(info.subject).toContain('000.00.12.H56-261121-0042');
    expect(info.author).toBe('Trần Thị Ủy');
    expect(info.creator).toBe('motcua 0.4.0');
    expect(info.producer).toContain('pdf-lib');
  });

  it('leaves the code out before one is issued, and the author out without a clerk', () => {
    const info = docInfo({ ...base, dossierCode: null, clerk: '  ' });
    expect(info.title).toBe('Tờ khai đăng ký kết hôn');
    expect(info.keywords).not.toContain('000.00');
    const xmp = xmpPacket(info);
    expect(xmp).not.toContain('<motcua:dossierCode>');
    expect(xmp).not.toContain('<dc:creator>');
    assertWellFormedXml(xmp);
  });

  it('writes dates to the second, the same instant in PDF and XMP form', () => {
    const info = docInfo(base);
    expect(pdfDate(info.date)).toBe('D:20260301083005Z');
    expect(xmpDate(info.date)).toBe('2026-03-01T08:30:05Z');
    expect(() => docInfo({ ...base, createdAt: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('keeps the XMP well-formed and the values intact whatever the names contain', () => {
    const tricky = { ...base, component: 'Bản sao <có chứng thực> & "hợp lệ"\u0007\nhai dòng', clerk: 'A&B <clerk>' };
    const info = docInfo(tricky);
    expect(info.component).toBe('Bản sao <có chứng thực> & "hợp lệ" hai dòng');
    const xmp = xmpPacket(info);
    assertWellFormedXml(xmp);
    expect(xmlValues(xmp, 'motcua:component')).toEqual([info.component]);
    expect(xmlValues(xmp, 'motcua:clerk')).toEqual(['A&B <clerk>']);
    expect(xmlValues(xmp, 'dc:title')).toEqual([info.title]);
  });

  it('declares PDF/A-2b and describes every custom property in an extension schema', () => {
    const xmp = xmpPacket(docInfo(base));
    expect(xmlValues(xmp, 'pdfaid:part')).toEqual(['2']);
    expect(xmlValues(xmp, 'pdfaid:conformance')).toEqual(['B']);
    expect(xmlValues(xmp, 'pdfaSchema:namespaceURI')).toEqual([MOTCUA_NS]);
    expect(xmlValues(xmp, 'pdfaSchema:prefix')).toEqual(['motcua']);
    const used = [...xmp.matchAll(/<motcua:(\w+)>/g)].map((m) => m[1]);
    expect(used).toEqual(['dossierCode', 'component', 'clerk']);
    expect(xmlValues(xmp, 'pdfaProperty:name')).toEqual(used);
    expect(xmp.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(xmp).not.toMatch(/xpacket[^>]*(bytes|encoding)=/);
  });
});
