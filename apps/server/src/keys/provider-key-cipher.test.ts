import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProviderKeyCipher } from './provider-key-cipher.ts';

describe('ProviderKeyCipher', () => {
  const cipher = new ProviderKeyCipher(randomBytes(32));
  const credentials = { fal: 'fal-secret-value', replicate: 'r8_secret_value' };

  it('opens what it sealed, for the same key, and the sealed form shows nothing of it', () => {
    const sealed = cipher.seal('key_a', credentials);
    expect(cipher.open('key_a', sealed)).toEqual(credentials);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('secret');
    // A fresh IV each time: the same credentials never seal to the same text.
    expect(cipher.seal('key_a', credentials)).not.toBe(sealed);
  });

  it('refuses a changed byte, another key, another secret and a malformed value', () => {
    const sealed = cipher.seal('key_a', credentials);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3] as string, 'base64url');
    data[0] = (data[0] as number) ^ 1;
    const tampered = [...parts.slice(0, 3), data.toString('base64url')].join('.');
    expect(() => cipher.open('key_a', tampered)).toThrow();
    expect(() => cipher.open('key_b', sealed)).toThrow();
    expect(() => new ProviderKeyCipher(randomBytes(32)).open('key_a', sealed)).toThrow();
    expect(() => cipher.open('key_a', 'plain text')).toThrow(/not a sealed provider credential/);
    expect(() => new ProviderKeyCipher(randomBytes(16))).toThrow(RangeError);
  });

  it('opens with the previous secret what the current one cannot, says so, and seals under the current one only', () => {
    const previous = randomBytes(32);
    const current = randomBytes(32);
    const sealedBefore = new ProviderKeyCipher(previous).seal('key_a', { fal: 'f' });
    const rotating = new ProviderKeyCipher(current, previous);
    expect(rotating.openTelling('key_a', sealedBefore)).toEqual({ credentials: { fal: 'f' }, underPrevious: true });
    const sealedNow = rotating.seal('key_a', { fal: 'f' });
    expect(rotating.openTelling('key_a', sealedNow)).toEqual({ credentials: { fal: 'f' }, underPrevious: false });
    expect(new ProviderKeyCipher(current).open('key_a', sealedNow)).toEqual({ fal: 'f' });
    expect(() => new ProviderKeyCipher(current).open('key_a', sealedBefore)).toThrow();
    expect(() => new ProviderKeyCipher(randomBytes(32), randomBytes(32)).open('key_a', sealedBefore)).toThrow();
    expect(() => new ProviderKeyCipher(current, randomBytes(16))).toThrow(RangeError);
  });
});
