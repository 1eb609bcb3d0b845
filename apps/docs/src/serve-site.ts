import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A running static server of the built site. */
export interface SiteServer {
  /** The site's root URL, base included, e.g. `http://127.0.0.1:41234/docs/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built site under its base path on 127.0.0.1 and an ephemeral port, the way a
 * host serves it in production: `/docs/reference/errors` answers with `reference/errors.html`.
 */
export async function serveSite(distDir: string, base: string): Promise<SiteServer> {
  const files = sirv(distDir, { extensions: ['html'], dev: true });
  const server = createServer((request, response) => {
    const notFound = (): void => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    };
    if (!request.url?.startsWith(base)) return notFound();
    request.url = `/${request.url.slice(base.length)}`;
    files(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
