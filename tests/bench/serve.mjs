// What both first-load benchmarks share (first-load.mjs and explainer-load.mjs): the
// throttling profiles, and a static host on 127.0.0.1 that serves brotli as a host does.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { TYPES } from '../e2e/lib/server.mjs';

/** The throttling profiles: CPU slowdown, bits per second down and up, round trip in ms. */
export const PROFILES = {
  default: { label: 'CPU 4× slower, 9 Mbps down, 1.5 Mbps up, 170 ms round trip', cpu: 4, down: 9e6, up: 1.5e6, rtt: 170 },
  slow: { label: 'CPU 6× slower, 1.6 Mbps down, 0.75 Mbps up, 150 ms round trip', cpu: 6, down: 1.6e6, up: 0.75e6, rtt: 150 },
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt']);

export function brotli(bytes, mode = zlib.constants.BROTLI_MODE_GENERIC) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: mode,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Serves `root` at '/' on 127.0.0.1 as a static host with compression does: brotli when the
 * browser accepts it (each file compressed once, on first request, before it is sent).
 * `extra` maps URL paths to pages that exist only in the benchmark.
 */
export async function serveBrotli(root, extra = {}) {
  const base = path.resolve(root);
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return res.writeHead(400).end();
    }
    let body;
    let file = path.join(base, pathname);
    if (pathname in extra) {
      body = Buffer.from(extra[pathname]);
      file = pathname;
    } else {
      if (file !== base && !file.startsWith(base + path.sep)) return res.writeHead(403).end();
      try {
        if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
        body = fs.readFileSync(file);
      } catch {
        return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    }
    const ext = path.extname(file).toLowerCase();
    const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file}:${body.length}`;
      if (!compressed.has(key)) compressed.set(key, brotli(body, ext === '.wasm' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT));
      body = compressed.get(key);
      headers['Content-Encoding'] = 'br';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

