import { createError, type OpenPixelsError } from '@openpixels/errors';

/**
 * The refusal of a job whose key holds provider keys this server cannot open (its
 * OPENPIXELS_SECRET_KEY changed, or is unset) and does not allow reroute: PROVIDER_ERROR (502)
 * naming the provider the job would have gone to, and what the key holder can do. Says nothing
 * of the cipher's own message or of the secret.
 */
export function unreadableCredentialsError(provider: string): OpenPixelsError {
  return createError(
    'PROVIDER_ERROR',
    { provider },
    {
      message: `The provider keys this API key stored can no longer be opened by this server, so the job was not sent to ${provider} with them, and the key does not allow reroute to the platform's providers. Store them again with PUT /v2/provider-keys.`,
    },
  );
}
