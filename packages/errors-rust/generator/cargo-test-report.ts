/** One test as `cargo test` (libtest) prints it. */
export interface CargoTestResult {
  suite: string;
  name: string;
  outcome: 'ok' | 'FAILED' | 'ignored';
}

/**
 * Reads libtest's plain output (`Running tests/fixtures.rs (…)` then `test name ... ok`). Stable
 * cargo has no machine-readable test output (`--format json` and `junit` are nightly-only), and
 * these two line shapes are libtest's documented default format.
 */
export function readCargoTestOutput(output: string): CargoTestResult[] {
  const results: CargoTestResult[] = [];
  let suite = 'cargo test';
  for (const line of output.split('\n')) {
    const running = /^\s*(?:Running|Doc-tests) (\S+)/.exec(line);
    if (running?.[1]) suite = running[1];
    const test = /^test (.+?) \.\.\. (ok|FAILED|ignored)\b/.exec(line);
    if (test?.[1] && test[2]) results.push({ suite, name: test[1], outcome: test[2] as CargoTestResult['outcome'] });
  }
  return results;
}

/**
 * A JUnit XML report of the results, the format test-totals counts. Written here because it is
 * a few elements: junit-report-builder's types do not match its CommonJS export under NodeNext.
 */
export function cargoJunitReport(results: CargoTestResult[], failureDetails: string): string {
  const suites = Map.groupBy(results, (result) => result.suite);
  const body = [...suites].map(([suite, tests]) => {
    const cases = tests.map((test) => {
      const open = `    <testcase classname="${xml(suite)}" name="${xml(test.name)}"`;
      if (test.outcome === 'ok') return `${open}/>`;
      const inner = test.outcome === 'ignored' ? '<skipped/>' : `<failure message="failed">${xml(failureDetails)}</failure>`;
      return `${open}>${inner}</testcase>`;
    });
    return [`  <testsuite name="${xml(suite)}" tests="${tests.length}">`, ...cases, '  </testsuite>'].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...body, '</testsuites>', ''].join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
