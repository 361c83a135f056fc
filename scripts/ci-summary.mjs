// Adds up vitest's and Playwright's result lines into one plain closing line: "N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

// eslint-disable-next-line no-control-regex -- strips ANSI colour codes
const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const sum = { passed: 0, failed: 0, skipped: 0 };
const count = (line, word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
for (const line of text.split('\n')) {
  if (/^\s*Tests\s+/.test(line)) {
    // vitest: "Tests  40 passed | 2 skipped (42)"
    sum.passed += count(line, 'passed');
    sum.failed += count(line, 'failed');
    sum.skipped += count(line, 'skipped');
  } else if (/^\s*\d+ (passed|failed|skipped|flaky)( \(|$)/.test(line)) {
    // Playwright: "  3 passed (41.2s)", "  1 failed", "  1 skipped"
    sum.passed += count(line, 'passed');
    sum.failed += count(line, 'failed') + count(line, 'flaky');
    sum.skipped += count(line, 'skipped');
  }
}
console.log(`\nci: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
