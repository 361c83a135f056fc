/** Which names in the watched folder are pages to take, and how taken files are named when filed away. */

// Scanners, browsers and Office write under these names first and rename when done; Windows and
// macOS drop their own files into any folder they show.
const TEMPORARY = /\.(tmp|part|crdownload)$/i;
const SYSTEM = new Set(['thumbs.db', 'desktop.ini']);

export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || TEMPORARY.test(name) || SYSTEM.has(name.toLowerCase());
}

/** `scan.pdf`, `scan (2).pdf`, `scan (3).pdf`… (n = 1 is the name itself). */
export function withSuffix(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Local calendar day yyyy-MM-dd: the clerk looks for today's scans under today's date. */
export function dayFolder(ms: number): string {
  const d = new Date(ms);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
