/**
 * `motcua export dvcqg`: downloads the portal's DVCQG export of the caller's centre (DongBoHoSoMC
 * records of the dossiers received in a period, docs/dvcqg.md) into a JSON file. The portal streams
 * the array one record per line; this writes it to `<file>.part` as it arrives, counting records on
 * the way, and renames it to `<file>` only once the array is complete, so a file that exists is never
 * a truncated export.
 */
import { createWriteStream } from 'node:fs';
import { access, constants, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { periodProblem } from '../../src-shared/domain/dvcqg/period';
import { DEFAULT_PORTAL_URL } from '../services/settings';
import { PASSWORD_NOTE, readReply, refusal, signIn, type Out, type PortalSession } from './portal-http';
import { REPORT_PATHS } from '../../src-shared/contract/reports-api';

export const EXPORT_USAGE =
  'export dvcqg --from <yyyy-MM-dd> --to <yyyy-MM-dd> --out <file.json> [--portal <url>] --username <supervisor|admin>';


class UsageError extends Error {}

/** Counts records (lines starting with `{`) and remembers the first and last non-blank characters. */
class RecordCounter extends Transform {
  records = 0;
  first = '';
  last = '';
  private atLineStart = true;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.atLineStart && chunk[0] === 0x7b) this.records++;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, nl + 1)) {
      if (chunk[nl + 1] === 0x7b) this.records++;
    }
    if (chunk.length) this.atLineStart = chunk[chunk.length - 1] === 0x0a;
    const isBlank = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
    let end = chunk.length - 1;
    while (end >= 0 && isBlank(chunk[end])) end--;
    if (end >= 0) {
      this.last = String.fromCharCode(chunk[end]!);
      if (!this.first) {
        let start = 0;
        while (isBlank(chunk[start])) start++;
        this.first = String.fromCharCode(chunk[start]!);
      }
    }
    done(null, chunk);
  }
}

/** "cannot reach the portal at …" with the network error's own code (ECONNREFUSED, ENOTFOUND …). */
function unreachable(portal: string, e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (e as Error).message;
  return `cannot reach the portal at ${portal} (${why}); is it running, and is --portal (or MOTCUA_PORTAL_URL) right?`;
}

function portalUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--portal "${text}" is not a URL (e.g. ${DEFAULT_PORTAL_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--portal "${text}" must be an http:// or https:// URL`);
  return text.replace(/\/+$/, '');
}

export async function runExportCommand(args: string[], env: NodeJS.ProcessEnv, out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = args;
  let options: { from: string; to: string; out: string; portal: string; username: string; password: string };
  try {
    if (sub !== 'dvcqg') throw new UsageError(sub === undefined ? 'say what to export: export dvcqg …' : `unknown command "export ${sub}"`);
    const { values } = parseArgs({
      args: rest,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, portal: { type: 'string' }, username: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const problem = periodProblem(values.from, values.to);
    if (problem) throw new UsageError(`--${problem}`);
    if (!values.out) throw new UsageError('--out <file.json> is required');
    if (!values.username || !env.MOTCUA_PASSWORD) throw new UsageError('--username and MOTCUA_PASSWORD are required');
    const portal = portalUrl(values.portal ?? env.MOTCUA_PORTAL_URL ?? DEFAULT_PORTAL_URL);
    options = { from: values.from!, to: values.to!, out: path.resolve(values.out), portal, username: values.username, password: env.MOTCUA_PASSWORD };
  } catch (e) {
    err(`${(e as Error).message}\nUsage: ${EXPORT_USAGE}\n${PASSWORD_NOTE}`);
    return 2;
  }

  const part = `${options.out}.part`;
  try {
    await access(path.dirname(options.out), constants.W_OK);
  } catch {
    err(`cannot write ${options.out}: the folder ${path.dirname(options.out)} does not exist or is not writable`);
    return 1;
  }

  let session: PortalSession | null;
  try {
    session = await signIn(options.portal, options.username, options.password, err);
  } catch (e) {
    err(unreachable(options.portal, e));
    return 1;
  }
  if (!session) return 1;

  const query = new URLSearchParams({ from: options.from, to: options.to });
  let response: Response;
  try {
    response = await session.stream(`${REPORT_PATHS.dvcqg}?${query}`);
  } catch (e) {
    err(unreachable(options.portal, e));
    return 1;
  }
  if (response.status !== 200 || !response.body) {
    err(refusal(await readReply(response)));
    return 1;
  }

  const counter = new RecordCounter();
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counter, createWriteStream(part));
    if (counter.first !== '[' || counter.last !== ']') throw new Error('the portal sent an incomplete array');
    await rename(part, options.out);
  } catch (e) {
    await rm(part, { force: true });
    err(`export failed, nothing written to ${options.out}: ${(e as Error).message}`);
    return 1;
  }
  out(`${counter.records} DVCQG record${counter.records === 1 ? '' : 's'} (dossiers received ${options.from} – ${options.to}) written to ${options.out}`);
  return 0;
}
