/** A fresh key for one logical submit, sent again unchanged with each of its retries. */
export function createIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Node 18 has no global crypto without a flag; the key needs uniqueness, not secrecy.
  let key = '';
  for (let i = 0; i < 32; i++) key += Math.floor(Math.random() * 16).toString(16);
  return key;
}
