/**
 * Files a taken file away (imported/, refused/) under its own name, never over another file: two
 * workstations may file two different "scan.pdf" into the same day at the same moment.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { InputErrorCode } from '../../../src-shared/contract/digitize';
import { inputErrorMessage } from '../../../src-shared/domain/digitize/messages';
import { writeFileAtomic } from '../atomic-file';
import { withSuffix } from './watch-names';

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
// File systems without hard links (FAT, some SMB shares) refuse link() with one of these.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EINVAL']);

async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
  return sa.ino === sb.ino && sa.dev === sb.dev && sa.ino !== 0;
}

/**
 * Moves `src` into `dir` as `name`, or `name (2)`… when taken; returns the new path. link() fails
 * atomically on an existing name; an earlier crash between link and unlink is recognised (same inode)
 * so the file is not filed twice.
 */
export async function moveNoClobber(src: string, dir: string, name: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  let links = true;
  for (let n = 1; n < 100_000; n++) {
    const dest = path.join(dir, withSuffix(name, n));
    if (links) {
      try {
        await fs.link(src, dest);
        await fs.unlink(src);
        return dest;
      } catch (error) {
        if (code(error) === 'EEXIST') {
          if (await sameFile(src, dest)) {
            await fs.unlink(src);
            return dest;
          }
          continue;
        }
        if (!NO_LINKS.has(code(error) ?? '')) throw error;
        links = false;
      }
    }
    // Without links: check then rename; a clash needs two workstations in the same millisecond.
    if (await fs.stat(dest).then(() => true, () => false)) continue;
    await fs.rename(src, dest);
    return dest;
  }
  throw new Error(`no free name for ${name} in ${dir}`);
}

/** The `<file>.txt` beside a refused file: why, in Vietnamese then English, for whoever opens the folder. */
export async function writeRefusalReason(refusedFile: string, name: string, inputCode: InputErrorCode, detail: string, at: number): Promise<void> {
  const m = inputErrorMessage(inputCode, name);
  const text = [
    m.messageVi,
    m.messageEn,
    '',
    `Mã lỗi / Code: ${inputCode}`,
    `Chi tiết / Detail: ${detail}`,
    `Thời điểm / Time: ${new Date(at).toISOString()}`,
    '',
  ].join('\r\n');
  await writeFileAtomic(`${refusedFile}.txt`, text);
}
