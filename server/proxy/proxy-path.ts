/**
 * The only paths the console forwards to a real Router. Everything else (the console's files, anything a browser
 * might be tricked into asking) is answered by our own server or 404, so the proxy can never be used as an open
 * relay to the Router's other endpoints (SQL, native queries, /proxy/...).
 */
const ALLOWED_PREFIXES = ['/druid/coordinator/v1/', '/druid/indexer/v1/'];
const ALLOWED_EXACT = [
  '/status',
  '/status/health',
  '/status/properties',
  '/status/selfDiscovered',
  // The Router's own /status/properties says nothing of kill settings; these are the Coordinator's and Overlord's.
  '/proxy/coordinator/status/properties',
  '/proxy/overlord/status/properties',
];

/**
 * Returns the path to forward, or null when it is not allowed. The raw (still percent-encoded) path is checked,
 * so `..` segments, encoded slashes and encoded dots cannot walk out of the allowed prefixes after decoding
 * upstream.
 */
export function forwardablePath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  if (/%2f|%5c|\\/i.test(rawPath)) return null;
  const segments = rawPath.split('/');
  if (segments.some((segment) => isDotSegment(segment))) return null;
  if (rawPath.includes('//')) return null;
  if (ALLOWED_EXACT.includes(rawPath)) return rawPath;
  return ALLOWED_PREFIXES.some((prefix) => rawPath.startsWith(prefix)) ? rawPath : null;
}

function isDotSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, '.');
  return decoded === '.' || decoded === '..';
}
