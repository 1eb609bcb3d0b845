// The workspace's `test` script: vitest (the generator and its drift test), `go vet`, then
// `go test` through gotestsum, which writes the JUnit report test-totals counts. All three
// always run, so one failing does not hide the others' counts; the exit code fails when any does.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goEnv } from './go-env.ts';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const env = goEnv();
const run = (command: string, args: string[]): number => spawnSync(command, args, { cwd, env, stdio: 'inherit' }).status ?? 1;

mkdirSync(`${cwd}/test-results`, { recursive: true });
const vitest = run('pnpm', ['exec', 'vitest', 'run']);
const vet = run('go', ['vet', '.']);
const goTest = run('gotestsum', ['--format', 'testname', '--junitfile', 'test-results/go-test.xml', '--', '-count=1', '.']);
process.exit(vitest !== 0 || vet !== 0 || goTest !== 0 ? 1 : 0);
