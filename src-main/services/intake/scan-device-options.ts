/**
 * What one scanner offers, read from `scanimage -d <device> -A`, and how our three modes and the
 * feeder map onto its own names: backends name them differently (Lineart, Binary, "Black & White";
 * "Automatic Document Feeder", "ADF Front"…).
 */
import type { ScanOptions } from '../../../src-shared/contract/digitize';

export interface DeviceOptions {
  /** Option name (without --) → its listed values; a range such as `1..1200` stays one string. */
  values: Map<string, string[]>;
}

// "    --mode Gray|Color [Gray]", "    --resolution 75|150|300dpi [150]", "    --source Flatbed|ADF [Flatbed]"
// The default may itself hold brackets ("[24bit Color[Fast]]"), so it runs to the line's end.
const OPTION_LINE = /^\s+--([a-z0-9-]+)\s+(.+?)\s+\[.*\]\s*$/i;

export function parseDeviceOptions(help: string): DeviceOptions {
  const values = new Map<string, string[]>();
  for (const line of help.split('\n')) {
    const m = OPTION_LINE.exec(line);
    if (!m?.[1] || !m[2] || m[2].startsWith('[=')) continue;
    const list = m[2].replace(/\s*\(in steps of [^)]*\)\s*$/, '');
    values.set(m[1], list.split('|').map((v) => v.replace(/(dpi|bit|mm|pel|%|us)$/, '').trim()));
  }
  return { values };
}

export type ModeChoice = { args: string[] } | { unsupported: string };

const MODE_PATTERNS: Record<ScanOptions['mode'], RegExp[]> = {
  Color: [/^colou?r$/i, /^(24 ?bit )?colou?r$/i, /colou?r/i],
  Gray: [/^gr[ae]y(scale)?$/i, /^(8 ?bit |true )?gr[ae]y(scale)?$/i, /gr[ae]y/i],
  Lineart: [/^line ?art$/i, /^(binary|black ?& ?white|mono(chrome)?)$/i, /line ?art|binary|black ?& ?white/i],
};

function pick(values: string[], patterns: RegExp[]): string | undefined {
  // 16-bit variants make files twice as large for nothing OCR can use; dithered ones ruin OCR.
  const usable = values.filter((v) => !/16|diffusion|dither|halftone/i.test(v));
  for (const p of patterns) {
    const hit = usable.find((v) => p.test(v));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The --mode (and --depth) arguments. A scanner without the mode asked for gets the nearest it has:
 * Lineart → 1-bit grey → grey → colour, and grey → colour (the pipeline greys and cleans pages
 * anyway); colour from a grey-only scanner is refused, the clerk asked for what it cannot give.
 */
export function modeArgs(device: DeviceOptions, mode: ScanOptions['mode']): ModeChoice {
  const modes = device.values.get('mode');
  if (!modes) return { args: [] };
  const named = (m: ScanOptions['mode']) => pick(modes, MODE_PATTERNS[m]);
  const exact = named(mode);
  if (exact) return { args: [`--mode=${exact}`] };
  const grey = named('Gray');
  const colour = named('Color');
  if (mode === 'Lineart' && grey && device.values.get('depth')?.includes('1')) return { args: [`--mode=${grey}`, '--depth=1'] };
  if (mode === 'Lineart' && grey) return { args: [`--mode=${grey}`] };
  if (mode !== 'Color' && colour) return { args: [`--mode=${colour}`] };
  return { unsupported: `mode ${mode} (the scanner offers ${modes.join(', ')})` };
}

/** A listed resolution nearest to the wish; a range is left to the backend (it rounds). */
export function resolutionArg(device: DeviceOptions, dpi: number): string[] {
  const listed = device.values.get('resolution');
  if (!listed) return [`--resolution=${dpi}`];
  const numbers = listed.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  if (numbers.length < 2 || listed.some((v) => v.includes('..'))) return [`--resolution=${dpi}`];
  const nearest = numbers.reduce((a, b) => (Math.abs(b - dpi) < Math.abs(a - dpi) ? b : a));
  return [`--resolution=${nearest}`];
}

export type FeederChoice = { kind: 'feeder'; args: string[] } | { kind: 'no-source-option' } | { kind: 'flatbed-only' };

/** The feeder source; a device without a source option may be sheet-fed only (batch as is). */
export function feederArgs(device: DeviceOptions): FeederChoice {
  const sources = device.values.get('source');
  if (!sources) return { kind: 'no-source-option' };
  const simplex = sources.find((s) => /(feeder|adf)/i.test(s) && !/duplex|back/i.test(s));
  const any = simplex ?? sources.find((s) => /(feeder|adf)/i.test(s));
  return any ? { kind: 'feeder', args: [`--source=${any}`] } : { kind: 'flatbed-only' };
}
