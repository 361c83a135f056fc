/**
 * The local content-addressed store: every file a clerk attaches lives here, under
 * `<dataDir>/vault/<sha[0:2]>/<sha256>`, until (and after) it reaches the portal. The name is the
 * SHA-256 of the bytes, so storing the same bytes twice is a no-op and a name can never point at
 * other content (short of disk corruption, which the portal's hash check catches).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface Vault {
  /** Stores the bytes (atomic: temp file + rename) and returns their address. */
  put(bytes: Uint8Array): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
  /** The bytes, or null when the vault does not hold them. */
  read(sha256: string): Promise<Buffer | null>;
  /** Size in bytes of the stored content, or null when absent. */
  size(sha256: string): Promise<number | null>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The only two places bytes touch the disk. Encryption at rest (a later issue: AES-256-GCM with a
 * per-workstation key) goes here: encrypt in writeBytes, decrypt and verify the tag in readBytes.
 * Everything else (addresses, sizes, the uploader) works on plaintext and stays unchanged; `size`
 * would then have to store the plaintext length rather than stat the file.
 */
async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(file, bytes);
}

async function readBytes(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function createVault(dataDir: string): Vault {
  const root = path.join(dataDir, 'vault');
  const fileOf = (sha256: string) => {
    // Never build a path from anything but a hash: no traversal through a crafted name.
    if (!isSha256(sha256)) throw new Error('vault: not a SHA-256 in lower-case hex');
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  async function size(sha256: string): Promise<number | null> {
    try {
      return (await fs.stat(fileOf(sha256))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const file = fileOf(sha256);
      // Same name = same bytes: an existing file of the right size is this content already.
      if ((await size(sha256)) !== bytes.byteLength) await writeBytes(file, bytes);
      return { sha256, size: bytes.byteLength };
    },
    has: async (sha256) => (await size(sha256)) !== null,
    read: async (sha256) => readBytes(fileOf(sha256)),
    size,
  };
}
