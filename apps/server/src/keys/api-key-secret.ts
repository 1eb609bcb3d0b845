import { createHash, randomBytes } from 'node:crypto';

/** What every key starts with. */
export const KEY_PREFIX = 'sk-op-';
const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** `sk-op-` and 40 base62 characters (≈238 bits), so a hash alone is a safe way to store it. */
const KEY_PATTERN = /^sk-op-[A-Za-z0-9]{32,128}$/;

/** The stored form of a key: its SHA-256. Keys are long and random, so no slow hash is needed. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** True when the text has the shape of an OpenPixels key (no database look-up). */
export function looksLikeApiKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** A new key secret: `sk-op-` and 40 uniformly random base62 characters. */
export function generateApiKey(): string {
  // Rejection sampling keeps every character uniformly likely.
  let out = '';
  while (out.length < 40) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && out.length < 40) out += KEY_ALPHABET[byte % 62];
    }
  }
  return KEY_PREFIX + out;
}
