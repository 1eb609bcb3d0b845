import { describe, expect, it } from 'vitest';
import { goName, goTypeName } from './go-name.ts';

describe('goName', () => {
  it('writes snake names as exported Go names with Go’s initialisms', () => {
    expect(goName('request_id')).toBe('RequestID');
    expect(goName('doc_url')).toBe('DocURL');
    expect(goName('INVALID_API_KEY')).toBe('InvalidAPIKey');
    expect(goName('PROVIDER_HTTP_ERROR')).toBe('ProviderHTTPError');
    expect(goName('retry_after_ms')).toBe('RetryAfterMs');
  });

  it('re-cases schema definition names the same way', () => {
    expect(goTypeName('InvalidApiKeyEnvelope')).toBe('InvalidAPIKeyEnvelope');
    expect(goTypeName('ProviderHttpErrorParams')).toBe('ProviderHTTPErrorParams');
    expect(goTypeName('NoCreditsParams')).toBe('NoCreditsParams');
  });
});
