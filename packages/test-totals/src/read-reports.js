import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sums the passed/failed/skipped counts of every report a workspace left in `test-results/`. */
export function readReports(dir) {
  const totals = { passed: 0, failed: 0, skipped: 0, files: 0 };
  if (!existsSync(dir)) return totals;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    const counts = name.endsWith('.json') ? countVitestJson(text) : name.endsWith('.xml') ? countJunitXml(text) : null;
    if (!counts) continue;
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    totals.files += 1;
  }
  return totals;
}

/** Reads vitest's `--reporter=json` output; suites that failed to load count as failures too. */
export function countVitestJson(text) {
  const report = JSON.parse(text);
  if (typeof report.numTotalTests !== 'number') return null;
  const failedSuites = (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedSuites,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Reads a JUnit XML report (pytest, node:test): the root's counters, or the sum of its suites. */
export function countJunitXml(text) {
  const roots = [...text.matchAll(/<testsuites?\b([^>]*)>/g)].map((m) => m[1]);
  if (roots.length === 0) return null;
  // A <testsuites> root with totals wins; otherwise add up the top-level <testsuite> elements.
  const attrs = text.match(/<testsuites\b([^>]*)>/)?.[1];
  const pick = (a, key) => Number(a.match(new RegExp(`\\b${key}="(\\d+)"`))?.[1] ?? 0);
  const sources = attrs && /\btests="/.test(attrs) ? [attrs] : roots;
  let tests = 0;
  let failed = 0;
  let skipped = 0;
  for (const a of sources) {
    tests += pick(a, 'tests');
    failed += pick(a, 'failures') + pick(a, 'errors');
    skipped += pick(a, 'skipped');
  }
  return { passed: tests - failed - skipped, failed, skipped };
}
