// A local web server that answers for any host name: Chromium maps real host names to it with
// --host-resolver-rules, Firefox reaches it as an HTTP proxy. It serves the files it is given and never
// forwards a request anywhere. Used by `npm start`, the end-to-end tests and the benchmark.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';

/**
 * @param {Record<string, string | { file: string, headers?: Record<string, string> }>} routes
 *   "host/path" (for example "www.globalresearch.ca/story/") to a file
 */
export async function startServer(routes) {
  /** @type {string[]} */
  const requests = [];
  const server = createServer((req, res) => {
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
    const { file, headers = {} } = typeof route === 'string' ? { file: route } : route;
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
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
