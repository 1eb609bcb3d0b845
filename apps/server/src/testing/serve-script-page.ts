import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page server on 127.0.0.1:0: `/` is an empty page that loads `/app.js`, which is `script`. */
export interface ScriptPage {
  origin: string;
  close(): Promise<void>;
}

/** Serves `script` in a page of its own origin, the way an app's own site would. */
export async function serveScriptPage(script: string): Promise<ScriptPage> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (request.url === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>an app</title><script src="/app.js"></script>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
