#!/usr/bin/env node
// A small static file server for build/web, on 127.0.0.1 only.
//
//   node tools/serve.mjs [--port N] [--root DIR]
//
// Tries the next ports when the first is taken, and prints the address.
// Also usable from tests: `startServer({ root, port })` resolves to
// { url, close }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.eml': 'text/plain; charset=utf-8',
};

const here = dirname(fileURLToPath(import.meta.url));
const defaultRoot = join(here, '..', 'build', 'web');

function handler(root) {
  return async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(root, '.' + normalize(path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  };
}

export function startServer({ root = defaultRoot, port = 8080, host = '127.0.0.1', tries = 20 } = {}) {
  const absolute = resolve(root);
  return new Promise((resolvePromise, reject) => {
    const attempt = (p, left) => {
      const server = createServer(handler(absolute));
      server.once('error', (err) => {
        if (err.code === 'EADDRINUSE' && left > 0 && port !== 0) attempt(p + 1, left - 1);
        else reject(err);
      });
      server.listen(p, host, () => {
        const { port: actual } = server.address();
        resolvePromise({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
      });
    };
    attempt(port, tries);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const port = Number(opt('--port') ?? process.env.PORT ?? 8080);
  const root = opt('--root') ?? defaultRoot;
  const { url } = await startServer({ root, port });
  console.log(`mailverdict is running at ${url}  (Ctrl+C to stop)`);
}
