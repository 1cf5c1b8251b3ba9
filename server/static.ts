// Serving the built app: files from dist/ with their content types, and
// index.html for any other path without a file extension (the app routes in
// the browser). Nothing outside dist/ is ever read.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Headers the meta tag of index.html cannot give (README, "Content-Security-Policy"). */
const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite's hashed files never change; everything else is checked again on every visit (sw.js above all). */
function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function serveStatic(dist: string | null, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  if (dist === null) return send(response, 404, 'This server only syncs live rooms.\n');
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  } catch {
    return send(response, 400, 'Bad request\n');
  }
  const relative = normalize(urlPath).replace(/^([/\\])+/, '');
  if (urlPath.includes('\0') || relative.split(/[/\\]/).includes('..')) return send(response, 400, 'Bad request\n');
  let file = join(dist, relative || 'index.html');
  if (!file.startsWith(dist + sep) && file !== dist) return send(response, 400, 'Bad request\n');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    if (extname(relative) !== '') return send(response, 404, 'Not found\n');
    file = join(dist, 'index.html'); // the app's own routes
    info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(response, 503, 'The app is not built yet: run `npm run build` (npm start does it).\n');
    urlPath = '/index.html';
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(file),
    'Content-Length': info.size,
    'Cache-Control': cacheControl(urlPath),
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}
