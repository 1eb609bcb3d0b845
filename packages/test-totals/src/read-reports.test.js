import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { countJunitXml, countVitestJson, readReports } from './read-reports.js';

test('counts a vitest JSON report, with a suite that failed to load as one failure', () => {
  const report = {
    numTotalTests: 5,
    numPassedTests: 3,
    numFailedTests: 1,
    numPendingTests: 1,
    numTodoTests: 0,
    testResults: [
      { status: 'passed', assertionResults: [{}, {}] },
      { status: 'failed', assertionResults: [] },
    ],
  };
  assert.deepEqual(countVitestJson(JSON.stringify(report)), { passed: 3, failed: 2, skipped: 1 });
  assert.equal(countVitestJson('{"other":true}'), null);
});

test('counts pytest JUnit XML: passed, failed, errored and skipped cases', () => {
  const xml = [
    '<?xml version="1.0"?><testsuites name="pytest"><testsuite name="pytest" tests="5">',
    '<testcase classname="t" name="a" time="0.1" />',
    '<testcase classname="t" name="b" time="0.1"></testcase>',
    '<testcase classname="t" name="c"><failure message="assert 1 == 2">trace</failure></testcase>',
    '<testcase classname="t" name="d"><error message="fixture broke">trace</error></testcase>',
    '<testcase classname="t" name="e"><skipped type="pytest.skip" message="no go" /></testcase>',
    '</testsuite></testsuites>',
  ].join('');
  assert.deepEqual(countJunitXml(xml), { passed: 2, failed: 2, skipped: 1 });
});

test('counts node:test JUnit output, whose root carries no totals', () => {
  const xml = '<testsuites><testsuite name="s"><testcase name="x"/><testcase name="y"><failure type="testCodeFailure">e</failure></testcase></testsuite><testcase name="z"/></testsuites>';
  assert.deepEqual(countJunitXml(xml), { passed: 2, failed: 1, skipped: 0 });
  assert.equal(countJunitXml('just text'), null);
});

test('sums every report in a folder and ignores other files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'test-totals-'));
  try {
    writeFileSync(join(dir, 'vitest.json'), JSON.stringify({ numTotalTests: 2, numPassedTests: 2, numFailedTests: 0, testResults: [] }));
    writeFileSync(join(dir, 'pytest.xml'), '<testsuites><testcase name="a"/><testcase name="b"><failure/></testcase></testsuites>');
    writeFileSync(join(dir, 'screenshot.png'), 'not a report');
    assert.deepEqual(readReports(dir), { passed: 3, failed: 1, skipped: 0, files: 2 });
    assert.deepEqual(readReports(join(dir, 'missing')), { passed: 0, failed: 0, skipped: 0, files: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
