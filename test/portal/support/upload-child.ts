/**
 * A workstation's uploader alone in a process, so a test can SIGKILL it mid-upload and start it
 * again on the same data folder. Usage: `node --import tsx upload-child.ts <dataDir> <portalUrl>
 * [files.json]` with the access token in MOTCUA_TEST_TOKEN. Prints each status change as a JSON
 * line, then `settled` once nothing is left to do.
 */
import { readFileSync } from 'node:fs';
import { createUploader } from '../../../src-main/services/uploads/uploader';
import { createVault } from '../../../src-main/services/vault';
import type { UploadFile } from '../../../src-shared/contract/desktop';

const [dataDir, portalUrl, filesJson] = process.argv.slice(2);
const accessToken = process.env.MOTCUA_TEST_TOKEN;
if (!dataDir || !portalUrl || !accessToken) {
  process.stderr.write('usage: upload-child.ts <dataDir> <portalUrl> [files.json] (token in MOTCUA_TEST_TOKEN)\n');
  process.exit(2);
}

const uploader = createUploader({ dataDir, vault: createVault(dataDir), progressIntervalMs: 50, log: (m) => process.stderr.write(`${m}\n`) });
uploader.on('changed', (status) => process.stdout.write(`${JSON.stringify(status)}\n`));
if (filesJson) await uploader.enqueue(JSON.parse(readFileSync(filesJson, 'utf8')) as UploadFile[]);
uploader.connect({ portalUrl, accessToken });
await uploader.settled();
await uploader.close();
process.stdout.write('settled\n');
