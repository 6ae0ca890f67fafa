/**
 * A local web server for the end-to-end tests: it answers for any host name (Chromium maps real host names to
 * it with --host-resolver-rules; Firefox reaches it as an HTTP proxy), so pages are tested under the address a
 * reader would see. It never forwards a request anywhere.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export interface Route {
  file: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  port: number;
  /** Every request the server saw, as "host/path". */
  requests: string[];
  close(): Promise<void>;
}

/** `routes` maps "host/path" (for example "www.globalresearch.ca/story/") to a file. */
export async function startServer(routes: Record<string, Route | string>): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    // As a proxy the request line holds the whole URL; as a server, the Host header names the site.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const key = `${url.hostname}${url.pathname}`;
    requests.push(key);
    const route = routes[key];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const { file, headers } = typeof route === 'string' ? { file: route, headers: {} } : route;
    readFile(file)
      .then((body) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
