import { countJunitXml } from '@openpixels/test-totals/src/read-reports.js';
import { describe, expect, it } from 'vitest';
import { cargoJunitReport, readCargoTestOutput } from './cargo-test-report.ts';

const OUTPUT = [
  '     Running unittests src/lib.rs (.cache/target/debug/deps/openpixels_errors-1)',
  'running 0 tests',
  '     Running tests/decode.rs (.cache/target/debug/deps/decode-2)',
  'test long_bodies_are_cut_for_logs ... ok',
  'test a_job_result_gives_the_envelope_it_holds ... FAILED',
  'test slow_one ... ignored, needs a network',
  '   Doc-tests openpixels_errors',
  'test src/lib.rs - decode (line 3) ... ok',
  'test result: FAILED. 2 passed; 1 failed; 1 ignored',
].join('\n');

describe('the cargo test report', () => {
  it('reads each test with its suite and outcome', () => {
    expect(readCargoTestOutput(OUTPUT)).toEqual([
      { suite: 'tests/decode.rs', name: 'long_bodies_are_cut_for_logs', outcome: 'ok' },
      { suite: 'tests/decode.rs', name: 'a_job_result_gives_the_envelope_it_holds', outcome: 'FAILED' },
      { suite: 'tests/decode.rs', name: 'slow_one', outcome: 'ignored' },
      { suite: 'openpixels_errors', name: 'src/lib.rs - decode (line 3)', outcome: 'ok' },
    ]);
  });

  it('writes JUnit XML that test-totals counts the same way', () => {
    const xml = cargoJunitReport(readCargoTestOutput(OUTPUT), 'assertion failed');
    expect(countJunitXml(xml)).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });
});
