/**
 * Dossier code (mã hồ sơ) format: `<agency>-<yyMMdd>-<NNNN>` by default, configurable.
 *
 * A format is a template with exactly one `{agency}`, one date token (`{yyMMdd}` or `{yyyyMMdd}`) and
 * one `{seq:n}` (n digits, zero-padded, 1 ≤ n ≤ 9). The agency is the only variable-length part, so
 * every code has one parse: a format is injective, and distinct (agency, day, sequence) triples
 * always give distinct codes. Uniqueness is therefore a property of the triples (see allocator.ts).
 */

import { isIsoDate } from '../civil-date';

export const PRESET_FORMATS = {
  /** `000.17.22.H56-210531-0001`: the form in use (DOMAIN.md §3). */
  'agency-yyMMdd-seq4': '{agency}-{yyMMdd}-{seq:4}',
  /** `000.17.22.H56-20210531-0000001`: the newer form seen in a 2026 ministry sandbox. */
  'agency-yyyyMMdd-seq7': '{agency}-{yyyyMMdd}-{seq:7}',
} as const;

export type PresetFormat = keyof typeof PRESET_FORMATS;
/** A preset name or a template such as `{agency}/{yyyyMMdd}/{seq:5}`. */
export type DossierCodeFormat = PresetFormat | { template: string };

/** What a code is made of. `day` is the Vietnam calendar day `yyyy-MM-dd` (see vn-time.ts). */
export interface DossierCodeParts {
  agencyId: string;
  day: string;
  sequence: number;
}

export interface CompiledFormat {
  template: string;
  dateToken: 'yyMMdd' | 'yyyyMMdd';
  seqDigits: number;
  /** Largest sequence the format can print (9999 for 4 digits); sequences start at 1. */
  maxSequence: number;
  regex: RegExp;
  /** Capture group order in `regex`. */
  groups: ('agency' | 'date' | 'seq')[];
}

export class DossierCodeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DossierCodeFormatError';
  }
}

/** Letters, digits and dots: what agency identifiers (QCVN 102:2016 `LLL.LL.LL.Xnn`) are made of. */
const AGENCY_CHARS = /^[0-9A-Za-z.]{1,32}$/;
const TOKEN = /\{([^{}]*)\}/g;

const cache = new Map<string, CompiledFormat>();

function templateOf(format: DossierCodeFormat): string {
  if (typeof format === 'string') {
    const t = PRESET_FORMATS[format];
    if (!t) throw new DossierCodeFormatError(`Unknown dossier code format "${String(format)}"`);
    return t;
  }
  return format.template;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Checks a format and prepares it for formatting and parsing; throws DossierCodeFormatError. */
export function compileFormat(format: DossierCodeFormat): CompiledFormat {
  const template = templateOf(format);
  const cached = cache.get(template);
  if (cached) return cached;

  let dateToken: CompiledFormat['dateToken'] | undefined;
  let seqDigits: number | undefined;
  let agencies = 0;
  const groups: CompiledFormat['groups'] = [];
  let source = '^';
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    source += escapeRe(template.slice(last, m.index));
    last = m.index + m[0].length;
    const token = m[1] ?? '';
    const seq = /^seq:(\d)$/.exec(token);
    if (token === 'agency') {
      agencies++;
      groups.push('agency');
      source += '([0-9A-Za-z.]{1,32})';
    } else if (token === 'yyMMdd' || token === 'yyyyMMdd') {
      if (dateToken) throw new DossierCodeFormatError(`"${template}" has more than one date token`);
      dateToken = token;
      groups.push('date');
      source += `(\\d{${token.length}})`;
    } else if (seq) {
      if (seqDigits !== undefined) throw new DossierCodeFormatError(`"${template}" has more than one {seq:n}`);
      seqDigits = Number(seq[1]);
      if (seqDigits < 1) throw new DossierCodeFormatError(`"${template}": {seq:n} needs 1 ≤ n ≤ 9`);
      groups.push('seq');
      source += `(\\d{${seqDigits}})`;
    } else {
      throw new DossierCodeFormatError(`"${template}" has an unknown token {${token}}`);
    }
  }
  if (/[{}]/.test(template.replace(TOKEN, ''))) throw new DossierCodeFormatError(`"${template}" has an unbalanced brace`);
  source += escapeRe(template.slice(last)) + '$';
  if (agencies !== 1) throw new DossierCodeFormatError(`"${template}" needs exactly one {agency}`);
  if (!dateToken) throw new DossierCodeFormatError(`"${template}" needs a date token, {yyMMdd} or {yyyyMMdd}`);
  if (seqDigits === undefined) throw new DossierCodeFormatError(`"${template}" needs {seq:n}`);

  const compiled: CompiledFormat = {
    template,
    dateToken,
    seqDigits,
    maxSequence: 10 ** seqDigits - 1,
    regex: new RegExp(source),
    groups,
  };
  cache.set(template, compiled);
  return compiled;
}

/** Builds the code; throws DossierCodeFormatError when a part cannot be printed in this format. */
export function formatDossierCode(format: DossierCodeFormat, parts: DossierCodeParts): string {
  const f = compileFormat(format);
  const { agencyId, day, sequence } = parts;
  if (!AGENCY_CHARS.test(agencyId)) throw new DossierCodeFormatError(`Invalid agency identifier "${agencyId}"`);
  if (!isIsoDate(day)) throw new DossierCodeFormatError(`Invalid day "${day}"`);
  if (f.dateToken === 'yyMMdd' && !day.startsWith('20')) {
    throw new DossierCodeFormatError(`${day} cannot be written as yyMMdd (years 2000–2099 only)`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > f.maxSequence) {
    throw new DossierCodeFormatError(`Sequence ${sequence} is outside 1..${f.maxSequence}`);
  }
  const yyyyMMdd = day.replace(/-/g, '');
  const values: Record<string, string> = {
    agency: agencyId,
    yyMMdd: yyyyMMdd.slice(2),
    yyyyMMdd,
  };
  return f.template.replace(TOKEN, (_m, token: string) =>
    token.startsWith('seq:') ? String(sequence).padStart(f.seqDigits, '0') : (values[token] ?? ''),
  );
}

/** The parts of a code, or null when it is not a valid code of this format. */
export function parseDossierCode(code: string, format: DossierCodeFormat): DossierCodeParts | null {
  const f = compileFormat(format);
  const m = f.regex.exec(code);
  if (!m) return null;
  let agencyId = '';
  let date = '';
  let sequence = 0;
  f.groups.forEach((g, i) => {
    const v = m[i + 1] ?? '';
    if (g === 'agency') agencyId = v;
    else if (g === 'date') date = v;
    else sequence = Number(v);
  });
  const full = f.dateToken === 'yyMMdd' ? `20${date}` : date;
  const day = `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
  if (!isIsoDate(day) || sequence < 1) return null;
  return { agencyId, day, sequence };
}

export function isValidDossierCode(code: string, format: DossierCodeFormat): boolean {
  return parseDossierCode(code, format) !== null;
}
