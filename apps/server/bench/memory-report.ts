// Loaded into the gateway by bench/burst-memory.ts (`node --import`): every 500 ms it prints
// the process's memory as V8 and Node account it, as `memory {"heapUsed":…}` (MB) on stderr,
// so the bench can split the resident memory it reads from /proc.
setInterval(() => {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const at = Date.now(); // the bench's clock too, for BENCH_TIMELINE
  process.stderr.write(
    `memory ${JSON.stringify({ at, rss: mb(rss), heapUsed: mb(heapUsed), heapTotal: mb(heapTotal), external: mb(external), arrayBuffers: mb(arrayBuffers) })}\n`,
  );
}, 500).unref();
