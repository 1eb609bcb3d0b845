import type { ProviderHealth } from './provider-health.ts';

/** Whether a job may be accepted given its candidates' circuits, and which probe it then holds. */
export type CircuitAdmission =
  | { admitted: true /** The half-open provider whose one probe this job was given. */; probe?: string }
  | {
      admitted: false /** When the earliest open circuit lets a probe through; null while a probe is out. */;
      retryAt: string | null;
    };

/**
 * Decides at submit, before anything is charged, whether the job can be tried at all. A
 * closed circuit admits it. Otherwise a half-open circuit lets exactly one probe through:
 * the first such job takes it (and must hand it to the runner, or give it back); every other
 * job is refused, so a burst during half-open cannot become a burst of charged jobs that
 * fail untried.
 */
export function admitThroughCircuits(candidates: readonly string[], health: ProviderHealth): CircuitAdmission {
  if (candidates.some((id) => health.breaker(id).state === 'closed')) return { admitted: true };
  for (const id of candidates) {
    const breaker = health.breaker(id);
    if (breaker.state === 'half_open' && breaker.tryAcquire()) return { admitted: true, probe: id };
  }
  const retryAt =
    candidates
      .map((id) => health.breaker(id))
      .filter((breaker) => breaker.state === 'open')
      .map((breaker) => breaker.snapshot().retry_at as string)
      .sort()[0] ?? null;
  return { admitted: false, retryAt };
}
