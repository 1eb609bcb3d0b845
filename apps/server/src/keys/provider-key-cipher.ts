import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The provider credentials one API key may hold (bring your own key), by provider kind. */
export interface ProviderCredentials {
  fal?: string;
  replicate?: string;
}

/** The sealed form's version tag: a later scheme can be told apart from this one. */
const VERSION = 'v1';

/**
 * Seals and opens an API key's provider credentials with AES-256-GCM under the server's
 * OPENPIXELS_SECRET_KEY (node:crypto): a fresh 96-bit IV per seal, the API key's id as
 * additional data, so a sealed value copied onto another key's row does not open there.
 * The stored form is `v1.<iv>.<tag>.<ciphertext>`, base64url; nothing of the plaintext or of
 * the secret key can be read from it, and a changed byte fails to open. During a rotation the
 * previous secret (OPENPIXELS_SECRET_KEY_PREVIOUS) opens what the current one cannot; sealing
 * always uses the current one.
 */
export class ProviderKeyCipher {
  readonly #key: Buffer;
  readonly #previous: Buffer | null;

  /** `secretKey`: 32 bytes (64 hex characters in OPENPIXELS_SECRET_KEY); `previous`: the secret it replaced, the same size. */
  constructor(secretKey: Buffer, previous: Buffer | null = null) {
    if (secretKey.length !== 32 || (previous !== null && previous.length !== 32)) {
      throw new RangeError('the secret key must be 32 bytes');
    }
    this.#key = secretKey;
    this.#previous = previous;
  }

  /** Seals `credentials` for the API key `keyId`, under the current secret. */
  seal(keyId: string, credentials: ProviderCredentials): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(keyId));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** Opens what `seal` made for `keyId`; throws when it was changed, sealed for another key or under neither secret. */
  open(keyId: string, sealed: string): ProviderCredentials {
    return this.openTelling(keyId, sealed).credentials;
  }

  /** `open`, also saying whether it took the previous secret (the value is then worth sealing again under the current one). */
  openTelling(keyId: string, sealed: string): { credentials: ProviderCredentials; underPrevious: boolean } {
    try {
      return { credentials: openWith(this.#key, keyId, sealed), underPrevious: false };
    } catch (error) {
      if (this.#previous === null) throw error;
      return { credentials: openWith(this.#previous, keyId, sealed), underPrevious: true };
    }
  }
}

function openWith(key: Buffer, keyId: string, sealed: string): ProviderCredentials {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
    throw new Error('not a sealed provider credential');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as ProviderCredentials;
}
