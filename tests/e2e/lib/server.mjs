// A tiny static file server for the end-to-end tests: serves one folder (dist/) on
// 127.0.0.1 at a free port, with the right MIME types (application/wasm included).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

/** MIME types by file extension (what a static host sends). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Starts serving `root` under the URL path `prefix` (default '/'; a deeper prefix such as
 * '/tools/reablement/' checks that the site works from any path). Returns
 * { url, origin, port, requests, close() }: `url` is origin + prefix, and `requests` lists
 * every request the server answered ({method, path, status}). `extra` maps paths under the
 * prefix to text served as if it were a file there (a council.json, say), so a test can add a
 * file without touching the shared dist/; `extra` can be changed while serving.
 */
export async function serveStatic(root, { prefix = '/', extra = {} } = {}) {
  const base = path.resolve(root);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must start and end with '/': ${prefix}`);
  const requests = [];
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      requests.push({ method: req.method, path: req.url, status });
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    if (!pathname.startsWith(prefix)) return send(404, 'Not found');
    const added = extra[pathname.slice(prefix.length)];
    if (added != null) {
      const type = TYPES[path.extname(pathname).toLowerCase()] ?? 'application/octet-stream';
      return send(200, added, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(added) });
    }
    let file = path.join(base, pathname.slice(prefix.length));
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'Forbidden');
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = fs.readFileSync(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, body, { 'Content-Type': type, 'Content-Length': body.length });
    } catch {
      return send(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: `${origin}${prefix}`,
    requests,
    extra,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
