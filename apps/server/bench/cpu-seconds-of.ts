import { readFileSync } from 'node:fs';

/** CPU seconds a process has used so far (utime + stime from /proc, Linux); NaN when it cannot be read. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}
