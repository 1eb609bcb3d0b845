// Loaded into the gateway by bench/lock-wait.ts (`node --import`): every 100 ms it prints the
// longest event-loop delay of that window, sampled every millisecond, as
// `event-loop <epoch ms> max_ms=<n>` on stderr. A delay includes the 1 ms sampling period.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
setInterval(() => {
  process.stderr.write(`event-loop ${Date.now()} max_ms=${(histogram.max / 1e6).toFixed(2)}\n`);
  histogram.reset();
}, 100).unref();
