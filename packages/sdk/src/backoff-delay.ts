/**
 * The wait before retry number `attempt` (1-based): exponential from `base`, capped at `max`,
 * with "equal jitter" (half fixed, half random) so many clients that failed together do not
 * come back together, while none retries at once.
 */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
