// Serves the built renderer to browser mode: GET only, no path escapes, strict headers.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/contentSecurityPolicy';
import { parseRequestTarget } from './requestTarget';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

export function createStaticHandler(rootDir: string) {
  const root = path.resolve(rootDir);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...TEXT, Allow: 'GET, HEAD' }).end('only GET and HEAD are served');
      return;
    }
    const urlPath = parseRequestTarget(request.url).path;
    if (urlPath === null) {
      response.writeHead(400, TEXT).end('the path is not a valid percent-encoded UTF-8 path');
      return;
    }
    const file = path.resolve(root, '.' + (urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath));
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403, TEXT).end('outside the served directory');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, TEXT).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
