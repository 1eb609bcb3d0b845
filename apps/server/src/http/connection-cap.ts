import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Connections kept beyond the cap for health checks; each new one past them replaces the oldest. */
export const RESERVED_CONNECTIONS = 16;

/** How long a connection past the cap may stay idle before it is closed. */
const OVER_CAP_IDLE_MS = 2_000;

/** What the request hooks ask of the cap. */
export interface ConnectionCap {
  /** True when the socket arrived while `max` connections were already open: it may only reach health checks. */
  isOverCap(socket: Socket): boolean;
  /** Connections open right now. */
  readonly open: number;
}

/**
 * Caps concurrent connections at `max` so that a flood (thousands of slow sockets) cannot
 * exhaust the process's file descriptors or memory. A connection beyond the cap is not just
 * dropped: up to RESERVED_CONNECTIONS of them are kept, briefly, so `/status` and `/readyz`
 * still answer (the request hook answers anything else with SERVICE_UNAVAILABLE at once, and
 * closes the connection); a newer one evicts the oldest, so a health check always gets in
 * even while slow sockets keep arriving.
 */
export function capConnections(server: Server, max: number): ConnectionCap {
  let open = 0;
  const overCap = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open++;
    socket.once('close', () => {
      open--;
      overCap.delete(socket);
    });
    if (open <= max) return;
    overCap.add(socket);
    socket.setTimeout(OVER_CAP_IDLE_MS, () => socket.destroy());
    if (overCap.size > RESERVED_CONNECTIONS) {
      const [oldest] = overCap;
      overCap.delete(oldest as Socket);
      oldest?.destroy();
    }
  });
  return {
    isOverCap: (socket) => overCap.has(socket),
    get open() {
      return open;
    },
  };
}
