/**
 * One attempt at one upload with tus-js-client: resume from the saved URL (HEAD for the offset, then
 * one PATCH with the whole remainder) or create the upload (POST) and save its URL before the first
 * byte is sent. tus-js-client's own retries are off: the uploader decides when to try again.
 */
import { Upload, type HttpRequest, type HttpResponse } from 'tus-js-client';
import { UPLOAD_METADATA, UPLOADS_PATH } from '../../../src-shared/contract/files-api';
import { portalEndpoint, portalMessage } from './portal-message';

export type AttemptOutcome =
  | { kind: 'done' }
  /** The portal answered with an error status. */
  | { kind: 'http'; status: number; message: string }
  /** The saved URL names no upload any more (expired, finished, refused): start from the hash check. */
  | { kind: 'gone' }
  /**
   * HEAD says every byte arrived, but not that the portal verified and stored them: the request that
   * carried the last byte may still be hashing, or may have failed. Ask again a little later.
   */
  | { kind: 'complete' }
  /** No answer: connection refused or cut, or no progress for stallTimeoutMs. */
  | { kind: 'network'; message: string }
  | { kind: 'aborted' };

export interface AttemptParams {
  portalUrl: string;
  accessToken: string;
  fileId: string;
  sha256: string;
  bytes: Buffer;
  uploadUrl: string | null;
  /** Persists the URL of a created upload; tus-js-client waits for it before sending bytes. */
  saveUrl(url: string): Promise<void>;
  onProgress(sent: number): void;
  /** Every HTTP answer (the link works). */
  onResponse(status: number): void;
  stallTimeoutMs: number;
}

export interface Attempt {
  outcome: Promise<AttemptOutcome>;
  abort(): void;
}

/** Thrown from onAfterResponse to stop tus-js-client before it acts on a HEAD answer by itself. */
class HeadAnswer extends Error {
  constructor(readonly outcome: AttemptOutcome) {
    super('head answer');
  }
}

/** True when the saved URL belongs to this portal's upload endpoint (never send the token elsewhere). */
export function isPortalUploadUrl(url: string, portalUrl: string): boolean {
  try {
    const upload = new URL(url);
    const endpoint = new URL(portalEndpoint(portalUrl, UPLOADS_PATH));
    const id = upload.pathname.slice(endpoint.pathname.length + 1);
    return upload.origin === endpoint.origin && upload.pathname.startsWith(`${endpoint.pathname}/`) && id.length > 0 && !id.includes('/');
  } catch {
    return false;
  }
}

function classify(error: unknown): AttemptOutcome {
  const detailed = error as { originalResponse?: HttpResponse | null; causingError?: unknown };
  if (detailed.causingError instanceof HeadAnswer) return detailed.causingError.outcome;
  const res = detailed.originalResponse;
  if (res) return { kind: 'http', status: res.getStatus(), message: portalMessage(res.getBody(), res.getStatus()) };
  const cause = detailed.causingError as { code?: string; message?: string } | undefined;
  return { kind: 'network', message: cause?.code ?? cause?.message ?? (error as Error).message ?? 'network error' };
}

export function startAttempt(p: AttemptParams): Attempt {
  let settle: (outcome: AttemptOutcome) => void = () => {};
  const outcome = new Promise<AttemptOutcome>((resolve) => (settle = resolve));
  let finished = false;
  let lastActivity = Date.now();
  const touch = () => (lastActivity = Date.now());

  const upload = new Upload(p.bytes, {
    endpoint: portalEndpoint(p.portalUrl, UPLOADS_PATH),
    uploadUrl: p.uploadUrl,
    uploadSize: p.bytes.length,
    metadata: { [UPLOAD_METADATA.sha256]: p.sha256, [UPLOAD_METADATA.fileId]: p.fileId },
    headers: { Authorization: `Bearer ${p.accessToken}` },
    // The whole remainder in one PATCH: a cut loses only what was in flight, never a finished chunk.
    chunkSize: Infinity,
    retryDelays: null,
    // The URL storage is how tus-js-client hands over a new upload's URL *before* the PATCH starts.
    fingerprint: async () => `motcua-upload:${p.fileId}`,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: false,
    urlStorage: {
      findAllUploads: async () => [],
      findUploadsByFingerprint: async () => [],
      removeUpload: async () => {},
      addUpload: async (_fingerprint, previous) => {
        // Never rejects: tus-js-client does not catch here, and a lost URL only costs a re-send.
        if (previous.uploadUrl && previous.uploadUrl !== p.uploadUrl) await p.saveUrl(previous.uploadUrl).catch(() => {});
        return p.fileId;
      },
    },
    onBeforeRequest: () => {
      touch();
    },
    onAfterResponse: (req: HttpRequest, res: HttpResponse) => {
      touch();
      const status = res.getStatus();
      p.onResponse(status);
      // On a 4xx HEAD tus-js-client would forget the URL and POST at once; 401 must keep the URL,
      // and an upload that is gone may have finished (then the hash check says so, with no re-send).
      if (req.getMethod() !== 'HEAD') return;
      if (status >= 400 && status < 500 && status !== 423) {
        throw new HeadAnswer(status === 401 || status === 403 ? { kind: 'http', status, message: portalMessage(res.getBody(), status) } : { kind: 'gone' });
      }
      // tus-js-client would report success here; only the final PATCH's answer (or the blob status) proves it.
      const offset = res.getHeader('Upload-Offset');
      if (status < 300 && offset !== undefined && offset === res.getHeader('Upload-Length')) throw new HeadAnswer({ kind: 'complete' });
    },
    onProgress: (sent) => {
      touch();
      if (!finished) p.onProgress(sent);
    },
    onSuccess: () => finish({ kind: 'done' }),
    onError: (error) => finish(classify(error)),
  });

  // No progress for stallTimeoutMs (a silent network, a hung portal): give up this attempt.
  const watchdog = setInterval(() => {
    if (Date.now() - lastActivity < p.stallTimeoutMs) return;
    void upload.abort(false);
    finish({ kind: 'network', message: `no progress for ${Math.round(p.stallTimeoutMs / 1000)} s` });
  }, Math.max(50, Math.min(5000, p.stallTimeoutMs / 4)));

  function finish(result: AttemptOutcome): void {
    if (finished) return;
    finished = true;
    clearInterval(watchdog);
    settle(result);
  }

  upload.start();
  return {
    outcome,
    abort() {
      if (finished) return;
      void upload.abort(false);
      finish({ kind: 'aborted' });
    },
  };
}
