import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Context } from 'hono';

/** No inline script anywhere; styles may be injected at runtime (toasts), nothing may frame the console. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function securityHeaders(headers: Headers): void {
  headers.set('Content-Security-Policy', CONSOLE_CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Frame-Options', 'DENY');
}

/**
 * Serves the built console from dist/: hashed assets cached for a year, everything else falls back to index.html so
 * deep links like /segments/wikipedia_hour survive a reload.
 */
export function staticFilesHandler(distDir: string) {
  return (c: Context): Response => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file = join(distDir, relative);
    if (!file.startsWith(distDir)) return new Response('Not found', { status: 404 });
    // Deep links may contain dots (datasource names do), so only real files and /assets/ are files.
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile && relative.startsWith('/assets/')) return new Response('Not found', { status: 404 });
    if (!isFile) file = join(distDir, 'index.html');
    if (!existsSync(file)) {
      return new Response('The console is not built. Run `npm run build` (npm start does it for you).', {
        status: 503,
      });
    }
    const headers = new Headers({ 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    headers.set('Cache-Control', file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    securityHeaders(headers);
    return new Response(readFileSync(file), { status: 200, headers });
  };
}
