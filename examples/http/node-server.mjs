// Serves a Request → Response handler with node:http — what a platform does for you in production.
// Listens on 127.0.0.1 on an ephemeral port by default; `close()` stops it, and it stops by itself
// after `stopAfterMs` (default 60 s) so a forgotten server never keeps a test run alive.
import { createServer } from "node:http";
import { Readable } from "node:stream";

/**
 * @param {(request: Request) => Promise<Response>} handler
 * @param {{ host?: string, port?: number, stopAfterMs?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve(handler, { host = "127.0.0.1", port = 0, stopAfterMs = 60_000 } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = `http://${req.headers.host ?? host}${req.url}`;
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
        body: hasBody ? Readable.toWeb(req) : undefined,
        duplex: "half",
      });
      const response = await handler(request);
      const headers = Object.fromEntries(response.headers);
      // Answered before the whole body arrived (413, 404, 405): close the connection rather than
      // leave the client's upload hanging on a kept-alive socket.
      if (!req.complete) headers.connection = "close";
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: String(error) } }));
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address();
  let closed;
  const close = () =>
    (closed ??= new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }));
  setTimeout(close, stopAfterMs).unref();
  return { url: `http://${host}:${actual}`, close };
}
