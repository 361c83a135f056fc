/**
 * Where the bytes of finished uploads live, content-addressed by (centre, SHA-256). The portal only
 * talks to this interface, so an S3-compatible store can implement it later (`put` uploads the local
 * file then deletes it, `open` streams a GetObject body); the tus side already has @tus/s3-store.
 * The database table `file_blobs` stays the authority on what a centre holds; a store only keeps bytes.
 */
import type { Readable } from 'node:stream';

export interface BlobKey {
  agencyId: string;
  /** Lower-case hex, 64 characters, already verified against the bytes. */
  sha256: string;
}

export interface OpenBlob {
  size: number;
  stream: Readable;
}

export interface BlobStore {
  /**
   * Takes ownership of a finished local file: moves it under the key, atomically (a reader never
   * sees half a blob). Returns false when the blob was already stored; the local file is then deleted.
   */
  put(key: BlobKey, localFile: string): Promise<boolean>;
  has(key: BlobKey): Promise<boolean>;
  /** Size in bytes, or null when the blob is absent. */
  size(key: BlobKey): Promise<number | null>;
  /** The bytes and their size, or null when absent (one call, so size and stream always agree). */
  open(key: BlobKey): Promise<OpenBlob | null>;
  /** Removes the blob; absent is not an error. */
  delete(key: BlobKey): Promise<void>;
}
