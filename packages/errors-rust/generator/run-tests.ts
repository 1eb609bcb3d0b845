// The workspace's `test` script: vitest (the generator and its drift test), then `cargo test`
// (offline, against Debian's crates through .cargo/config.toml), whose output becomes the JUnit
// report test-totals counts, then the docs' example is run. All always run, so one failing does
// not hide the others' counts; the exit code fails when any does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cargoJunitReport, readCargoTestOutput } from './cargo-test-report.ts';

const cwd = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${cwd}/test-results`, { recursive: true });

const vitest = spawnSync('pnpm', ['exec', 'vitest', 'run'], { cwd, stdio: 'inherit' }).status ?? 1;

const cargo = spawnSync('cargo', ['test', '--color', 'never'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
process.stdout.write(cargo.stdout ?? '');
process.stderr.write(cargo.stderr ?? '');
const results = readCargoTestOutput(cargo.stdout ?? '');
const failures = /^failures:\n([\s\S]*?)^failures:/m.exec(cargo.stdout ?? '')?.[1] ?? 'see the cargo test output';
// A build error runs no test at all; it must still show as a failure in the report.
if (cargo.status !== 0 && !results.some((result) => result.outcome === 'FAILED')) {
  results.push({ suite: 'cargo test', name: 'cargo test exited with an error', outcome: 'FAILED' });
}
writeFileSync(`${cwd}/test-results/cargo-test.xml`, cargoJunitReport(results, failures.slice(0, 20_000)));

// The docs show this example; like a Go `// Output:`, what it prints is checked.
const EXAMPLE_OUTPUT = 'top up: needs 25, has 10\nprovider failed, retry later: PROVIDER_TIMEOUT: fal was slow.\n';
const example = spawnSync('cargo', ['run', '--quiet', '--example', 'branch_on_error'], { cwd, encoding: 'utf8' });
process.stdout.write(example.stdout ?? '');
const exampleOK = example.status === 0 && example.stdout === EXAMPLE_OUTPUT;
if (!exampleOK) console.error(`examples/branch_on_error.rs printed ${JSON.stringify(example.stdout)}, expected ${JSON.stringify(EXAMPLE_OUTPUT)}`);
process.exit(vitest !== 0 || cargo.status !== 0 || !exampleOK ? 1 : 0);
