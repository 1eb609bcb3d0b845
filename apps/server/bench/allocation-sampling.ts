import { frameName } from './cpu-profile-breakdown.ts';

/** A node of V8's sampling heap profile (HeapProfiler.stopSampling). */
export interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/**
 * Samples what a process allocates while `during` runs, through its inspector (the process was
 * started with `--inspect=127.0.0.1:<port>`): V8's sampling heap profiler, keeping the samples of
 * objects the GC has collected since, so the profile counts allocation, not what is still alive.
 */
export async function sampleAllocations<T>(
  port: number,
  during: () => Promise<T>,
): Promise<{ result: T; profile: AllocationNode }> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  if (!target) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 1;
  const pending = new Map<number, (value: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('HeapProfiler.enable');
    await send('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    const result = await during();
    const { profile } = (await send('HeapProfiler.stopSampling')) as { profile: { head: AllocationNode } };
    return { result, profile: profile.head };
  } finally {
    socket.close();
  }
}

/** Bytes allocated per image in all, and by the function that allocated them (its own frame only), largest first. */
export function allocationsByFunction(
  head: AllocationNode,
  images: number,
  limit = 40,
): { total: number; top: Array<[string, number]> } {
  const self = new Map<string, number>();
  const stack = [head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    stack.push(...node.children);
  }
  const total = [...self.values()].reduce((sum, bytes) => sum + bytes, 0) / images;
  const top = [...self].map(([name, bytes]) => [name, bytes / images] as [string, number]);
  return { total, top: top.sort((a, b) => b[1] - a[1]).slice(0, limit) };
}
