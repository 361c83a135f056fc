/**
 * `motcua digitize <input files…> --out <dir>`: batch back-file digitisation (số hoá hồ sơ tồn đọng).
 * For each input, `<dir>/<base>.pdf` (searchable, PDF/A-2b aim) and `<dir>/<base>.json` (corrected
 * text, per-page confidence, timings, the ID card's QR fields when found). An input that cannot be
 * read is reported and the others go on; the exit code is then 1. Re-running after a crash or kill
 * resumes: finished files are skipped and finished pages of a file are reused.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inputErrorMessage } from '../../src-shared/domain/digitize/messages';
import { digitizeFile } from '../services/digitize/digitize-file';
import { createDigitizeEngine } from '../services/digitize/engine';
import { InputError } from '../services/digitize/types';
import { defaultResourcesDir } from '../services/paths';
import type { Out } from './portal-http';
import { eachLimited } from '../services/each-limited';

export const DIGITIZE_USAGE = 'digitize <input files…> --out <dir> [--clerk <name>] [--jobs <n>] [--no-id-card]';

/** `<base>` per input, unique within the run (a second `scan.jpg` from another folder becomes `scan-2`). */
function outputBases(inputs: string[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((input) => {
    const base = path.basename(input, path.extname(input)) || 'input';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** A clear line for an input that could not be read: English, then Vietnamese. */
function problemOf(error: unknown, name: string): string {
  if (error instanceof InputError) {
    const { messageEn, messageVi } = inputErrorMessage(error.code, name);
    return `${messageEn} / ${messageVi}`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `'${name}' does not exist / Không tìm thấy tệp «${name}».`;
  if (code === 'EISDIR') return `'${name}' is a folder, not a file / «${name}» là thư mục, không phải tệp.`;
  if (code === 'EACCES') return `'${name}' cannot be read (permission denied) / Không có quyền đọc tệp «${name}».`;
  return `'${name}' could not be digitised: ${(error as Error).message}`;
}

export async function runDigitizeCommand(args: string[], _env: NodeJS.ProcessEnv, out: Out, err: Out): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, clerk: { type: 'string' }, jobs: { type: 'string' }, 'no-id-card': { type: 'boolean' } },
    });
  } catch (error) {
    err(`${(error as Error).message}\nUsage: npm run motcua -- ${DIGITIZE_USAGE}`);
    return 2;
  }
  const { values, positionals: inputs } = parsed;
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (!values.out || inputs.length === 0 || (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 16))) {
    err(`Usage: npm run motcua -- ${DIGITIZE_USAGE}`);
    return 2;
  }
  const outDir = path.resolve(values.out);
  await fs.mkdir(outDir, { recursive: true });
  const engine = createDigitizeEngine({ resourcesDir: defaultResourcesDir(), ...(jobs ? { ocrPoolSize: jobs } : {}), log: (m) => err(m) });
  const bases = outputBases(inputs);
  let failed = 0;
  try {
    // Files run side by side as pages do, so single-page files keep every OCR worker busy.
    await eachLimited(inputs, engine.ocrPoolSize, async (input, i) => {
      const name = path.basename(input);
      try {
        const { skipped, report } = await digitizeFile(engine, input, {
          outBase: path.join(outDir, bases[i]!),
          clerk: values.clerk ?? os.userInfo().username,
          readIdCard: !values['no-id-card'],
        });
        const pages = report.pages.length;
        const confidence = report.confidence === null ? '—' : `${report.confidence}%`;
        out(
          skipped
            ? `${name}: already done → ${report.pdf.file} (skipped)`
            : `${name}: ${pages} page(s), confidence ${confidence}, ${(report.timings.totalMs / 1000).toFixed(1)} s → ${report.pdf.file}${report.idCard ? ' (ID card QR read)' : ''}`,
        );
      } catch (error) {
        failed++;
        err(`${name}: ${problemOf(error, name)}`);
      }
    });
  } finally {
    await engine.close();
  }
  if (failed > 0) err(`${failed} of ${inputs.length} input(s) could not be digitised.`);
  return failed > 0 ? 1 : 0;
}
