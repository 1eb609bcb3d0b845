import type { FastifyReply } from 'fastify';

// Given as the abort reason: without one, abort() builds a DOMException with its stack, once
// per long poll, which showed up in the profile under load.
const ANSWERED_OR_GONE = Symbol('answered or gone');

/**
 * Runs `fn` with a signal that aborts if the client closes its connection first (a long poll
 * or a held submit then stops waiting), and once `fn` is done, which releases what waits on it.
 */
export async function whileConnected<T>(reply: FastifyReply, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const gone = new AbortController();
  const onClose = () => gone.abort(ANSWERED_OR_GONE);
  reply.raw.once('close', onClose);
  try {
    return await fn(gone.signal);
  } finally {
    gone.abort(ANSWERED_OR_GONE);
    reply.raw.off('close', onClose);
  }
}
