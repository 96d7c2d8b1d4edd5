import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size of the JavaScript the first page load needs: the entry script and its modulepreloads. */
export function initialJsGzipKb(distDir: string): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync(readFileSync(join(distDir, src))).length;
  return Math.round((bytes / 1024) * 10) / 10;
}
