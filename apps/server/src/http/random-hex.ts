import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the CSPRNG in batches: one randomFillSync per 4 KiB instead of
// one randomBytes call (and Buffer) per request and per job, which showed up in the profile.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** `bytes` cryptographically random bytes as hex; each byte is handed out once. */
export function randomHex(bytes: number): string {
  if (bytes > POOL_SIZE) return randomFillSync(Buffer.allocUnsafe(bytes)).toString('hex');
  if (offset + bytes > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}
