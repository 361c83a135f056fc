/**
 * Where the shipped Vietnamese model (dữ liệu huấn luyện tiếng Việt) lives. It is copied into
 * resources/ so the app never downloads it: tesseract.js falls back to a CDN when no local
 * langPath is given, which an offline counter cannot reach.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The one language the pool loads. */
export const OCR_LANGUAGE = 'vie';

/** The folder holding vie.traineddata.gz inside the app's resources folder. */
export function tessdataDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'tessdata');
}

export function traineddataFile(langPath: string): string {
  return path.join(langPath, `${OCR_LANGUAGE}.traineddata.gz`);
}

/**
 * Refuses anything but an absolute local folder: tesseract.js treats a URL (or a missing langPath)
 * as a place to fetch from, and a relative path depends on the working directory.
 */
export function assertLocalTessdata(langPath: string): void {
  if (!path.isAbsolute(langPath) || /^[a-z][a-z0-9+.-]*:\/\//i.test(langPath)) {
    throw new Error(`OCR langPath must be an absolute local folder, got '${langPath}'`);
  }
}

/** Why the model cannot be loaded (an incomplete installation), or null when it is there. */
export function missingModel(langPath: string): string | null {
  return existsSync(traineddataFile(langPath)) ? null : `OCR model not found: ${traineddataFile(langPath)} (the app installation is incomplete)`;
}
