import { readdirSync, readFileSync } from 'node:fs';
import { userAndSystemSeconds } from './cpu-seconds-of.ts';

/** CPU seconds of one thread name: in its own code (user) and in the kernel on its behalf (system: syscalls, socket work). */
export interface ThreadCpu {
  user: number;
  system: number;
}

/**
 * CPU seconds each thread of a process has used so far, summed by thread name (Linux's
 * /proc/PID/task/TID: `MainThread` is the main thread, `V8Worker` V8's GC and compiler helpers,
 * `libuv-worker` the thread pool): the process's total hides which of them a change moved.
 */
export function cpuSecondsByThread(pid: number): Map<string, ThreadCpu> {
  const byName = new Map<string, ThreadCpu>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of tids) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const { user, system } = userAndSystemSeconds(`/proc/${pid}/task/${tid}/stat`);
      const sum = byName.get(name) ?? { user: 0, system: 0 };
      byName.set(name, { user: sum.user + user, system: sum.system + system });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return byName;
}

/** Each thread name's CPU between two readings, in µs per image, busiest first (those under 1 µs left out). */
export function threadCpuSince(
  before: Map<string, ThreadCpu>,
  after: Map<string, ThreadCpu>,
  images: number,
): Array<{ name: string } & ThreadCpu> {
  const perImage = (seconds: number) => (seconds * 1e6) / images;
  return [...after]
    .map(([name, { user, system }]) => {
      const was = before.get(name) ?? { user: 0, system: 0 };
      return { name, user: perImage(user - was.user), system: perImage(system - was.system) };
    })
    .filter((thread) => thread.user + thread.system >= 1)
    .sort((a, b) => b.user + b.system - (a.user + a.system));
}
