import { readFileSync } from 'node:fs';

/** User and system CPU seconds from a /proc `stat` file (a process's or one thread's), Linux; throws when it cannot be read. */
export function userAndSystemSeconds(statPath: string): { user: number; system: number } {
  const fields = readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 }; // clock ticks of 10 ms
}

/** CPU seconds a process has used so far (utime + stime from /proc, Linux); NaN when it cannot be read. */
export function cpuSecondsOf(pid: number): number {
  try {
    const { user, system } = userAndSystemSeconds(`/proc/${pid}/stat`);
    return user + system;
  } catch {
    return Number.NaN;
  }
}
