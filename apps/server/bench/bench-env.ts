// BENCH_ENV='{"LD_PRELOAD":"…"}' adds settings to the environment of every gateway a bench
// starts (an allocator, GLIBC_TUNABLES, a Node flag), so a setting that only works at process
// start can be compared without editing a bench.

/** The extra gateway environment BENCH_ENV names, or none. */
export const BENCH_ENV: Record<string, string> = process.env.BENCH_ENV ? JSON.parse(process.env.BENCH_ENV) : {};
