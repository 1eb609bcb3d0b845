import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

/** The fields of fal's and the gateway's answers that the benches read (all optional: they check them). */
export interface Answer {
  status_url?: string;
  response_url?: string;
  status?: string;
  images?: { url?: string }[];
  type?: string;
  id?: string;
  error?: unknown;
}

/** One HTTP call on a keep-alive agent; resolves with status and parsed JSON. */
export function call(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: Answer }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Answer) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** One job, end to end; resolves with how many requests it took (submit and polls, or the direct calls). */
export type Job = (agent: Agent) => Promise<{ polls: number; requests: number }>;

/** What one closed loop measured. */
export interface LoopResult {
  jobsPerSecond: number;
  p50: number;
  p99: number;
  jobs: number;
  pollsPerJob: number;
  requestsPerJob: number;
  /** process.hrtime of the measured part's start and end, in µs (a CPU profile's clock). */
  window: [number, number];
}

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * A closed loop: `concurrency` clients each run jobs back to back for `seconds`, after a
 * warm-up of connections and JIT; answers per-job latency and throughput. With `rate` (jobs
 * per second, all clients together), a client starts its next job at the next free slot of
 * that rate instead of at once: two stores compared at one rate do the same work per second,
 * so neither one's cost per image is lowered by a saturated event loop's batching alone.
 */
export async function closedLoop(job: Job, concurrency: number, seconds: number, rate?: number): Promise<LoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  for (let i = 0; i < Math.min(concurrency, 20); i++) await job(agent);
  const latencies: number[] = [];
  let polls = 0;
  let requests = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const startedMicros = nowMicros();
  let nextSlot = started;
  const paced = async () => {
    if (!rate) return;
    const slot = Math.max(nextSlot, performance.now());
    nextSlot = slot + 1000 / rate;
    const wait = slot - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await paced();
        if (performance.now() >= end) break;
        const t0 = performance.now();
        const done = await job(agent);
        latencies.push(performance.now() - t0);
        polls += done.polls;
        requests += done.requests;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const window: [number, number] = [startedMicros, nowMicros()];
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    jobsPerSecond: latencies.length / elapsed,
    p50: pick(0.5),
    p99: pick(0.99),
    jobs: latencies.length,
    pollsPerJob: polls / latencies.length,
    requestsPerJob: requests / latencies.length,
    window,
  };
}

/** The fal queue protocol, called directly: submit, status, result. */
export function falDirect(provider: { url: string; key: string }): Job {
  const auth = { authorization: `Key ${provider.key}` };
  return async (agent) => {
    const submitted = await call(agent, `${provider.url}/fal-ai/flux/schnell`, 'POST', auth, {
      prompt: 'bench',
      image_size: { width: 256, height: 256 },
      num_images: 1,
    });
    const { status_url: statusUrl, response_url: responseUrl } = submitted.json;
    if (!statusUrl || !responseUrl) throw new Error('stand-in gave no status or response URL');
    const status = await call(agent, statusUrl, 'GET', auth);
    if (status.json.status !== 'COMPLETED') throw new Error('stand-in not instant');
    const result = await call(agent, responseUrl, 'GET', auth);
    if (!result.json.images?.[0]?.url) throw new Error('no image');
    return { polls: 0, requests: 3 };
  };
}

/**
 * The same job through the gateway: submit, then long-poll until it is a result. With
 * `idempotencyKeys`, each submit carries an Idempotency-Key of its own, as the SDK's do.
 */
export function throughGateway(
  server: { url: string; key: string },
  extra: object = {},
  options: { idempotencyKeys?: boolean } = {},
): Job {
  const auth = { authorization: `Key ${server.key}` };
  return async (agent) => {
    const headers = options.idempotencyKeys ? { ...auth, 'idempotency-key': randomUUID() } : auth;
    const submitted = await call(agent, `${server.url}/v2/submit`, 'POST', headers, {
      model: 'flux-schnell',
      prompt: 'bench',
      width: 256,
      height: 256,
      ...extra,
    });
    if (submitted.status !== 200)
      throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.json)}`);
    // Submit answers with the result itself when the job finished within its brief hold.
    let state = submitted.json;
    let polls = 0;
    while (state.type !== 'result') {
      state = (await call(agent, `${server.url}/v2/poll/${state.id}`, 'GET', auth)).json;
      polls++;
    }
    if (state.status !== 'completed') throw new Error(`job failed: ${JSON.stringify(state.error)}`);
    return { polls, requests: 1 + polls };
  };
}
