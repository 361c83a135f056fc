/**
 * The XMP metadata packet: Dublin Core, XMP basic, Adobe PDF, PDF/A identification (part 2, level
 * B) and our own dossier properties. PDF/A-2 accepts properties outside the predefined schemas only
 * when the packet describes them with a PDF/A extension schema, so that description is included.
 */
import { type DocInfo, xmpDate } from './doc-info';

/** Namespace of our custom properties (a name, never fetched). */
export const MOTCUA_NS = 'http://ns.motcua.vn/digitize/1.0/';

/** XML-escapes text content and removes characters XML 1.0 cannot carry. */
function esc(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const alt = (v: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(v)}</rdf:li></rdf:Alt>`;

interface CustomProperty {
  name: 'dossierCode' | 'component' | 'clerk';
  description: string;
}

const CUSTOM: readonly CustomProperty[] = [
  { name: 'dossierCode', description: 'Dossier code (mã hồ sơ) the document belongs to' },
  { name: 'component', description: 'Dossier component name (tên thành phần hồ sơ)' },
  { name: 'clerk', description: 'Clerk who digitised the document' },
];

function extensionSchema(): string {
  const properties = CUSTOM.map(
    (p) =>
      `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${p.name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${esc(p.description)}</pdfaProperty:description></rdf:li>`,
  ).join('\n       ');
  return `  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>motcua digitisation (số hoá)</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>${MOTCUA_NS}</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>motcua</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq>
       ${properties}
    </rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>`;
}

/** The packet as UTF-8 text, with the xpacket wrapper (no `bytes`/`encoding` attributes, as PDF/A asks). */
export function xmpPacket(info: DocInfo): string {
  const date = xmpDate(info.date);
  const custom = [
    info.dossierCode === null ? '' : `<motcua:dossierCode>${esc(info.dossierCode)}</motcua:dossierCode>`,
    `<motcua:component>${esc(info.component)}</motcua:component>`,
    `<motcua:clerk>${esc(info.clerk)}</motcua:clerk>`,
  ].filter(Boolean);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title>${alt(info.title)}</dc:title>
${info.author ? `   <dc:creator><rdf:Seq><rdf:li>${esc(info.author)}</rdf:li></rdf:Seq></dc:creator>\n` : ''}   <dc:description>${alt(info.subject)}</dc:description>
   <dc:language><rdf:Bag><rdf:li>vi-VN</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${esc(info.creator)}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${esc(info.producer)}</pdf:Producer>
   <pdf:Keywords>${esc(info.keywords)}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:motcua="${MOTCUA_NS}">
   ${custom.join('\n   ')}
  </rdf:Description>
${extensionSchema()}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
