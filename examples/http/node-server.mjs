// Serves a Request → Response handler with node:http — what a platform does for you in production.
// Listens on 127.0.0.1 on an ephemeral port by default; `close()` stops it, and it stops by itself
// after `stopAfterMs` (default 60 s) so a forgotten server never keeps a test run alive.
import { createServer } from "node:http";
import { Readable } from "node:stream";

// What a client sends that cannot name a resource here is the client's error (400), never the
// server's (500). A Host header is a host (a name, an IPv4 address or a bracketed IPv6 address)
// and an optional port — no spaces, no user info (`127.0.0.1:1@evil`), no path. The request
// target is origin-form (`/calls?x`), or absolute-form (`http://host/calls`, which RFC 9112 says a
// server must accept: its path is used, and its authority must be a host like the header's);
// asterisk-form (`OPTIONS *`) and anything else name no resource of this handler.
const HOST_PATTERN = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?$/;
// A port is at most 65535: `evil.example:99999` has the shape of a host but no URL can hold it
// (the Request built from it threw, and the client got a 500).
const HOST = {
  test(host) {
    const match = typeof host === "string" ? HOST_PATTERN.exec(host) : null;
    return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
  },
};

/**
 * The URL a request names, or the reason it names none.
 *
 * @param {string | undefined} target - the request target, as node:http gives it
 * @param {string | undefined} hostHeader - the Host header
 * @param {string} fallback - the host to use when the client sent none (HTTP/1.0)
 * @returns {{ url: string } | { code: string, message: string }}
 */
export function requestUrl(target, hostHeader, fallback) {
  const host = hostHeader ?? fallback;
  if (!HOST.test(host)) return { code: "badHost", message: "the Host header must be a host and an optional port" };
  if (typeof target === "string" && target.startsWith("/")) {
    return { url: `http://${host}${target}` };
  }
  if (typeof target === "string" && /^https?:\/\//i.test(target)) {
    let absolute;
    try {
      absolute = new URL(target);
    } catch {
      absolute = undefined;
    }
    if (absolute !== undefined && absolute.username === "" && absolute.password === "" && HOST.test(absolute.host)) {
      return { url: `http://${absolute.host}${absolute.pathname}${absolute.search}` };
    }
  }
  return { code: "badRequestTarget", message: "the request target must be a path such as /calls" };
}

/**
 * @param {(request: Request) => Promise<Response>} handler
 * @param {{ host?: string, port?: number, stopAfterMs?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve(handler, { host = "127.0.0.1", port = 0, stopAfterMs = 60_000 } = {}) {
  const server = createServer(async (req, res) => {
    const named = requestUrl(req.url, req.headers.host, host);
    if (!("url" in named)) {
      res.writeHead(400, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify({ error: { code: named.code, message: named.message } }));
      return;
    }
    try {
      const url = named.url;
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
