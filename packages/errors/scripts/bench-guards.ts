// Speed of the guards and the decoder, in ns per call. Each tinybench task runs a batch of
// calls, because a single guard call is far below the timer's resolution.
import { Bench } from 'tinybench';
import { createError, decodeErrorEnvelope, hasErrorCode, isOpenPixelsError, isProviderError } from '../src/index.ts';

const BATCH = 1000;
const instance = createError('PROVIDER_TIMEOUT', { provider: 'fal', timeout_ms: 60000 }, { requestId: 'req_1' });
const wire = JSON.parse(JSON.stringify(instance)) as unknown;
const invalid = { type: 'NOPE', code: 42, message: null, params: [] } as unknown;
let sink = 0;

// Consumes each result so the engine cannot drop the call as dead code.
function keep(result: unknown): void {
  if (result) sink++;
}

const cases: Array<[name: string, call: () => void]> = [
  ['isProviderError(wire object)', () => keep(isProviderError(wire))],
  ['isProviderError(instance)', () => keep(isProviderError(instance))],
  ['isOpenPixelsError(wire object)', () => keep(isOpenPixelsError(wire))],
  ["hasErrorCode(wire object, 'PROVIDER_TIMEOUT')", () => keep(hasErrorCode(wire, 'PROVIDER_TIMEOUT'))],
  ['decodeErrorEnvelope(valid object)', () => keep(decodeErrorEnvelope(wire))],
  ['decodeErrorEnvelope(invalid object)', () => keep(decodeErrorEnvelope(invalid))],
];

const bench = new Bench({ time: 400, warmupTime: 100 });
for (const [name, call] of cases) {
  bench.add(name, () => {
    for (let i = 0; i < BATCH; i++) call();
  });
}
await bench.run();

console.log(`node ${process.version}, ${BATCH} calls per sample`);
console.log('| operation | ns/op (mean) | ns/op (p99 of batches) |');
console.log('| --- | ---: | ---: |');
for (const task of bench.tasks) {
  const result = task.result as unknown as { latency?: { mean: number; p99?: number } };
  if (!result.latency) throw new Error(`bench ${task.name} did not finish`);
  const perOp = (ms: number) => ((ms * 1e6) / BATCH).toFixed(1);
  console.log(`| ${task.name} | ${perOp(result.latency.mean)} | ${perOp(result.latency.p99 ?? Number.NaN)} |`);
}
if (sink === -1) console.log(sink);
