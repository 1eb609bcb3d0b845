import type { ErrorEnvelopeOfType, ErrorType } from './envelope.ts';
import { readEnvelope } from './read-envelope.ts';

// The six guards are one concept with six names, so they share this file and one factory.
// Each accepts class instances and wire objects, and also codes this version does not know
// yet, as long as their type is known: a newer server's new provider code is still a
// provider error.

/** A guard that narrows to the envelopes of one error type. */
export type TypeGuard<T extends ErrorType> = (value: unknown) => value is ErrorEnvelopeOfType<T>;

/** Builds the guard of one error type. */
export function isErrorOfType<T extends ErrorType>(type: T): TypeGuard<T> {
  return (value: unknown): value is ErrorEnvelopeOfType<T> => readEnvelope(value)?.type === type;
}

/** True for errors of third-party model providers (the gateway retries or reroutes most of them). */
export const isProviderError: TypeGuard<'PROVIDER_ERROR'> = /* @__PURE__ */ isErrorOfType('PROVIDER_ERROR');
/** True for unexpected internal errors. */
export const isInternalServerError: TypeGuard<'INTERNAL_SERVER_ERROR'> =
  /* @__PURE__ */ isErrorOfType('INTERNAL_SERVER_ERROR');
/** True for errors caused by the request's own input. */
export const isBadRequestError: TypeGuard<'BAD_REQUEST_ERROR'> = /* @__PURE__ */ isErrorOfType('BAD_REQUEST_ERROR');
/** True for missing or invalid API keys. */
export const isAuthenticationError: TypeGuard<'AUTHENTICATION_ERROR'> =
  /* @__PURE__ */ isErrorOfType('AUTHENTICATION_ERROR');
/** True for credit and payment errors. */
export const isBillingError: TypeGuard<'BILLING_ERROR'> = /* @__PURE__ */ isErrorOfType('BILLING_ERROR');
/** True when a service or model is unavailable or the caller is rate limited. */
export const isAvailabilityError: TypeGuard<'AVAILABILITY_ERROR'> = /* @__PURE__ */ isErrorOfType('AVAILABILITY_ERROR');
