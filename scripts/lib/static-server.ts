import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg', '.map': 'application/json',
};

/**
 * Serves the H5 build of the mini-program (or the PC console's build), plus `/kaimen-config.js`, which
 * tells the app where the API is at run time (so one build serves dev, tests and any API address);
 * `extra` adds more of that config (the console's `publicUrl`: where the H5 app is). `gzip` compresses
 * text files for clients that accept it, as a real web server would (the phone-network benchmark).
 */
export async function serveH5(
  dir: string, apiUrl: string, port: number, host = '127.0.0.1', extra: Record<string, string> = {},
  options: { gzip?: boolean } = {},
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const root = resolve(dir);
  const compressed = new Map<string, { mtime: number; body: Buffer }>();
  const gzipped = (file: string) => {
    const mtime = statSync(file).mtimeMs;
    const hit = compressed.get(file);
    if (hit?.mtime === mtime) return hit.body;
    const body = gzipSync(readFileSync(file));
    compressed.set(file, { mtime, body });
    return body;
  };
  const config = `window.__KAIMEN_CONFIG__ = ${JSON.stringify({ apiUrl, ...extra })};\n`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/kaimen-config.js') {
      res.writeHead(200, { 'Content-Type': types['.js']!, 'Cache-Control': 'no-store' }).end(config);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('H5 尚未构建完成，请稍候刷新');
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    const gzip = options.gzip && /^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=300',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    if (gzip) res.end(gzipped(file));
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://${host}:${actual}`, server, close: () => new Promise<void>((r) => server.close(() => r())) };
}
