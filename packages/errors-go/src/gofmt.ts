import { spawnSync } from 'node:child_process';

/** Formats Go source with the toolchain's gofmt, so generated files read like hand-formatted Go. */
export function gofmt(source: string, name: string): string {
  const result = spawnSync('gofmt', [], { input: source, encoding: 'utf8' });
  if (result.error) throw new Error(`gofmt is needed to generate ${name} (bash .ci/toolchain installs Go): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`gofmt refused the generated ${name}:\n${result.stderr}`);
  return result.stdout;
}
