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

/**
 * Reads a JUnit XML report (pytest, node:test) by counting its test cases: the root's counters
 * are missing in node:test's output, while every writer emits one <testcase> per test.
 */
export function countJunitXml(text) {
  const cases = text.split(/<testcase\b/).slice(1);
  if (cases.length === 0 && !/<testsuites?\b/.test(text)) return null;
  let failed = 0;
  let skipped = 0;
  for (const body of cases) {
    // Only this test case's own body counts, up to its closing tag (or its self-closing end).
    const end = body.search(/<\/testcase>|\/>/);
    const own = end === -1 ? body : body.slice(0, end);
    if (/<(failure|error)\b/.test(own)) failed += 1;
    else if (/<skipped\b/.test(own)) skipped += 1;
  }
  return { passed: cases.length - failed - skipped, failed, skipped };
}
