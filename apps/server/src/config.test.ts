import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig } from './config.ts';

/** The problems loadConfig lists for `env` (none when it loads). */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:1729 with only the local provider and a demo key', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 1729,
      providers: [{ id: 'local', kind: 'local' }],
    });
    expect(config.dataDir).toMatch(/apps\/server\/\.data$/);
    expect(config.demoKey.enabled).toBe(true);
  });

  it('enables fal and replicate when their keys are set, without the local renderer or a demo key', () => {
    const config = loadConfig({
      OPENPIXELS_FAL_KEY: 'f',
      OPENPIXELS_REPLICATE_KEY: 'r',
      OPENPIXELS_FAL_URL: 'http://127.0.0.1:9/',
    });
    expect(config.providers).toEqual([
      { id: 'fal', kind: 'fal', url: 'http://127.0.0.1:9', key: 'f' },
      {
        id: 'replicate',
        kind: 'replicate',
        url: 'https://api.replicate.com',
        key: 'r',
      },
    ]);
    expect(config.demoKey.enabled).toBe(false);
  });

  it('reads the metrics token and port; a short token is refused without echoing it', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: null, metricsPort: null });
    expect(
      loadConfig({ OPENPIXELS_METRICS_TOKEN: 'a-long-enough-token', OPENPIXELS_METRICS_PORT: '9464' }),
    ).toMatchObject({ metricsToken: 'a-long-enough-token', metricsPort: 9464 });
    expect(problemsOf({ OPENPIXELS_METRICS_TOKEN: 'short-secret' })).toEqual([
      'OPENPIXELS_METRICS_TOKEN must be at least 16 characters without spaces',
    ]);
  });

  it('reads the secret key as 64 hex characters, and refuses anything else without echoing it', () => {
    expect(loadConfig({}).secretKey).toBeNull();
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ OPENPIXELS_SECRET_KEY: hex }).secretKey?.equals(Buffer.from(hex, 'hex'))).toBe(true);
    expect(problemsOf({ OPENPIXELS_SECRET_KEY: 'not-a-secret-key-xyz' })).toEqual([
      'OPENPIXELS_SECRET_KEY must be 64 hex characters (32 random bytes: openssl rand -hex 32)',
    ]);
  });

  it('reads the fault limits: lock wait, connection cap, provider answer size', () => {
    expect(loadConfig({})).toMatchObject({
      lockWaitMs: 2_000,
      maxConnections: 1_024,
      providerMaxResponseBytes: 1_048_576,
    });
    expect(
      loadConfig({
        OPENPIXELS_LOCK_WAIT_MS: '0',
        OPENPIXELS_MAX_CONNECTIONS: '50',
        OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES: '65536',
      }),
    ).toMatchObject({ lockWaitMs: 0, maxConnections: 50, providerMaxResponseBytes: 65_536 });
    expect(() => loadConfig({ OPENPIXELS_MAX_CONNECTIONS: '0', OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES: '10' })).toThrow(
      /OPENPIXELS_MAX_CONNECTIONS must be an integer from 1[\s\S]*OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES must be an integer from 1024/,
    );
  });

  it("switches V8's memory saver mode by load by default; always or never when asked, and nothing else is taken", () => {
    expect(loadConfig({}).memorySaver).toBe('auto');
    expect(loadConfig({ OPENPIXELS_MEMORY_SAVER: 'off' }).memorySaver).toBe('off');
    expect(loadConfig({ OPENPIXELS_MEMORY_SAVER: 'on' }).memorySaver).toBe('on');
    expect(problemsOf({ OPENPIXELS_MEMORY_SAVER: 'yes' })).toEqual([
      expect.stringMatching(/^OPENPIXELS_MEMORY_SAVER must be one of auto, on, off/),
    ]);
  });

  it('reports every bad variable at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({
        OPENPIXELS_PORT: '99999',
        OPENPIXELS_PROVIDERS: 'local,acme,replicate',
        OPENPIXELS_LOG_LEVEL: 'loud',
        OPENPIXELS_FAL_URL: 'ftp://x',
        OPENPIXELS_ATTEMPT_TIMEOUT_MS: '5000',
        OPENPIXELS_JOB_DEADLINE_MS: '1000',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'OPENPIXELS_PORT',
      '"acme"',
      'OPENPIXELS_REPLICATE_KEY',
      'OPENPIXELS_LOG_LEVEL',
      'OPENPIXELS_FAL_URL',
      'OPENPIXELS_JOB_DEADLINE_MS',
    ]) {
      expect(problems).toContain(name);
    }
  });
});

describe('OPENPIXELS_SUBMIT_WAIT_MS', () => {
  it('holds submit 5 ms by default, takes 0 to 1000, and refuses more', () => {
    expect(loadConfig({}).submitWaitMs).toBe(5);
    expect(loadConfig({ OPENPIXELS_SUBMIT_WAIT_MS: '0' }).submitWaitMs).toBe(0);
    expect(loadConfig({ OPENPIXELS_SUBMIT_WAIT_MS: '1000' }).submitWaitMs).toBe(1_000);
    expect(() => loadConfig({ OPENPIXELS_SUBMIT_WAIT_MS: '1001' })).toThrow(/OPENPIXELS_SUBMIT_WAIT_MS/);
  });
});

describe('OPENPIXELS_SUBMIT_HOLD_MAX_MS', () => {
  it('lets a learned hold grow to 1000 ms by default, takes 0 to 5000, and refuses more', () => {
    expect(loadConfig({}).submitHoldMaxMs).toBe(1_000);
    expect(loadConfig({ OPENPIXELS_SUBMIT_HOLD_MAX_MS: '0' }).submitHoldMaxMs).toBe(0);
    expect(loadConfig({ OPENPIXELS_SUBMIT_HOLD_MAX_MS: '5000' }).submitHoldMaxMs).toBe(5_000);
    expect(() => loadConfig({ OPENPIXELS_SUBMIT_HOLD_MAX_MS: '5001' })).toThrow(/OPENPIXELS_SUBMIT_HOLD_MAX_MS/);
  });
});

describe('OPENPIXELS_CORS_ORIGINS', () => {
  it('allows every origin by default, takes a list or "off", and names a bad entry', () => {
    expect(loadConfig({}).corsOrigins).toEqual(['*']);
    expect(loadConfig({ OPENPIXELS_CORS_ORIGINS: 'off' }).corsOrigins).toEqual([]);
    expect(
      loadConfig({ OPENPIXELS_CORS_ORIGINS: 'https://app.example.com/, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(() => loadConfig({ OPENPIXELS_CORS_ORIGINS: 'app.example.com' })).toThrow(/OPENPIXELS_CORS_ORIGINS/);
  });
});

describe('OPENPIXELS_IMAGE_RETENTION_HOURS', () => {
  it('keeps images a week by default, 0 keeps them forever, negatives are refused', () => {
    expect(loadConfig({}).imageRetentionHours).toBe(168);
    expect(loadConfig({ OPENPIXELS_IMAGE_RETENTION_HOURS: '0' }).imageRetentionHours).toBe(0);
    expect(() => loadConfig({ OPENPIXELS_IMAGE_RETENTION_HOURS: '-1' })).toThrow(/OPENPIXELS_IMAGE_RETENTION_HOURS/);
  });
});

describe('resolveConfig', () => {
  it('rejects providers without a key, with duplicate ids or a bad id', () => {
    expect(() =>
      resolveConfig({
        providers: [
          { id: 'fal', kind: 'fal' },
          { id: 'fal', kind: 'local' },
          { id: 'Bad Id', kind: 'local' },
        ],
      }),
    ).toThrow(/needs a key[\s\S]*used twice[\s\S]*must be lowercase/);
  });
});
