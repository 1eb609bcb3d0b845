import { execFileSync } from 'node:child_process';
import type { ServerProcess } from './start-server-process.ts';

/** A cluster primary's live children, by pid (ps, so the test sees what the machine sees). */
export function workerPids(primary: ServerProcess): number[] {
  if (primary.child.pid === undefined) return [];
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}
