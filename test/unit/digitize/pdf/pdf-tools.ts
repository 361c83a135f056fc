/** The poppler and qpdf command-line tools the PDF tests check the output with, and small helpers. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a tool and returns its stdout (UTF-8); rejects on a non-zero exit. */
export async function tool(command: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** qpdf exits 0 (clean) or 3 (warnings): both are returned with the output, so warnings can be asserted on. */
export async function qpdfCheck(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('qpdf', ['--check', file], { encoding: 'utf8' });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** NFC, every whitespace run (line breaks, form feeds) as one space, trimmed. */
export const normalizeText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** pdfinfo's "Key:   value" lines as a map. */
export function parseInfo(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of output.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out.set(m[1]!.trim(), m[2]!.trim());
  }
  return out;
}

/**
 * A small XML well-formedness check (no XML parser is a dependency): tags balance, text and
 * attribute values carry no raw '<' or unescaped '&'. Throws with the first problem.
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tokens = xml.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token.startsWith('<')) {
      if (token.includes('<') || token.includes('>') || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(token)) throw new Error(`bad text: ${token}`);
      continue;
    }
    if (token.startsWith('<?')) continue;
    const m = /^<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
    if (!m) throw new Error(`bad tag: ${token}`);
    const [, closing, name, attributes, selfClosing] = m;
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(attributes!)) throw new Error(`bad attribute: ${token}`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

/** Text content of every element named `name` in the XMP (no nesting of the same name). */
export function xmlValues(xml: string, name: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, '').trim()));
}
