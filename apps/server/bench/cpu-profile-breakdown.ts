/** The parts of a V8 `.cpuprofile` (node --cpu-prof) the breakdown reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where the gateway's CPU goes, bucket by bucket: each sample goes to the innermost frame on
 * its stack that names a bucket (so SQLite called from a route counts as store, a socket write
 * from the fal adapter as upstream sockets). Ordered: the first rule that matches a frame wins.
 */
const RULES: Array<[bucket: string, test: (f: { functionName: string; url: string }) => boolean]> = [
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['pino (logging)', (f) => /\/(pino|sonic-boom|thread-stream)[@/]/.test(f.url)],
  [
    'JSON (parse, stringify, response serializers)',
    (f) =>
      /fast-json-stringify|secure-json-parse/.test(f.url) ||
      (f.url === '' && /^(parse|stringify)$/.test(f.functionName)),
  ],
  ['validation (ajv)', (f) => /\/ajv[@/]/.test(f.url)],
  [
    'timers',
    (f) =>
      f.url.startsWith('node:internal/timers') ||
      f.url === 'node:timers' ||
      /^(setTimeout|clearTimeout|setImmediate)$/.test(f.functionName),
  ],
  ['store: postgres.js client', (f) => /\/postgres@|\/postgres\/src\//.test(f.url)],
  ['store (SQL, rows, group commit)', (f) => f.url.includes('/src/store/')],
  [
    'auth (key hash, look-up)',
    (f) =>
      f.url.includes('/src/keys/') ||
      f.url.endsWith('/src/http/authenticate.ts') ||
      (f.url === '' && /^(digest|update|timingSafeEqual)$/.test(f.functionName)),
  ],
  [
    'upstream calls (fal adapter, undici client)',
    (f) => f.url.includes('/src/providers/') || /\/undici[@/]/.test(f.url) || /^node:_http_(client|agent)$/.test(f.url),
  ],
  ['jobs (admission, runner, events, views)', (f) => f.url.includes('/src/jobs/') || f.url.includes('/src/routing/')],
  ['routes and hooks (ours)', (f) => /\/src\/(routes|http|fal)\//.test(f.url) || f.url.endsWith('/src/app.ts')],
  [
    'fastify (routing, hooks, reply)',
    (f) => /\/(fastify|find-my-way|avvio|@fastify\/[^/]+|light-my-request|fast-querystring|toad-cache)[@/]/.test(f.url),
  ],
  ['node:http server (parse, headers, write)', (f) => /^node:_http_(server|common|outgoing|incoming)$/.test(f.url)],
  [
    'sockets and streams',
    (f) => /^node:(net|stream|internal\/streams|internal\/stream_base_commons|internal\/net)/.test(f.url),
  ],
  [
    'promises, microtasks',
    (f) => f.url.startsWith('node:internal/process/task_queues') || f.url.startsWith('node:internal/process/promises'),
  ],
];

/** A table of µs per image, bucket by bucket, over the samples taken inside `window` (µs, process.hrtime's clock). */
export function cpuProfileBreakdown(
  profile: CpuProfile,
  window: [number, number],
  images: number,
): { buckets: Array<[string, number]>; top: Array<[string, number]>; totalMicros: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = bucketOf.get(id);
    if (known !== undefined) return known;
    let bucket = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as CpuProfile['nodes'][number]).callFrame;
      const rule = RULES.find(([, test]) => test(frame));
      if (rule) {
        bucket = rule[0];
        break;
      }
      if (frame.functionName === '(program)') {
        bucket = 'native, outside JavaScript';
        break;
      }
      if (frame.functionName === '(idle)') {
        bucket = 'idle';
        break;
      }
    }
    bucketOf.set(id, bucket);
    return bucket;
  };
  const buckets = new Map<string, number>();
  const self = new Map<string, number>();
  let time = profile.startTime;
  let total = 0;
  for (const [i, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time < window[0] || time > window[1]) continue;
    const bucket = classify(id);
    if (bucket === 'idle') continue;
    total += delta;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + delta);
    const frame = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    const name = frameName(frame);
    self.set(name, (self.get(name) ?? 0) + delta);
  }
  const perImage = (m: Map<string, number>) =>
    [...m.entries()].map(([k, v]) => [k, v / images] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { buckets: perImage(buckets), top: perImage(self).slice(0, 30), totalMicros: total / images };
}

/** A profile frame as the benches print it: function, then file (from the package or from apps/server) and line. */
export function frameName(frame: { functionName: string; url: string; lineNumber: number }): string {
  const where = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/apps\/server\//, '');
  return `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
}
