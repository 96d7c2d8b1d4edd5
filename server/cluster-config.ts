import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** One Druid cluster the console serves under `/clusters/NAME/`, from `--cluster NAME=URL` or `--config FILE`. */
export interface ClusterSpec {
  name: string;
  routerUrl: string;
  /** PEM CA file for an https Router with a private CA, resolved against the config file's folder. */
  caFile?: string;
  /** Answer 504 when the Router is silent this long; `--router-timeout` when absent. */
  timeoutMs?: number;
  /** Shown in the header, e.g. "production" (a cluster labelled production stands out). */
  label?: string;
  /** `#rrggbb`, the header band's colour. */
  colour?: string;
}

/** A bad `--cluster` or `--config`: the start stops with this message and exit code 2 (bad usage). */
export class ClusterConfigError extends Error {}

// Names go into URLs (/clusters/NAME/, /c/NAME/) and storage keys: kept to characters that need no escaping.
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/i;
const NAME_RULE = 'letters, digits, - and _ (at most 63, starting with a letter or digit)';
const ROUTER_URL = /^https?:\/\/[^/]+/;

const specSchema = z.strictObject({
  name: z.string().regex(NAME, `a cluster name is ${NAME_RULE}`),
  routerUrl: z.string().regex(ROUTER_URL, 'routerUrl must be an http(s) URL'),
  caFile: z.string().min(1).optional(),
  timeoutMs: z.int().min(1).optional(),
  label: z.string().trim().min(1).max(40).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'colour must be #rrggbb')
    .optional(),
});
const fileSchema = z.strictObject({ clusters: z.array(specSchema).min(1, 'clusters must list at least one cluster') });

/** `--cluster NAME=URL`. */
export function parseClusterFlag(text: string): ClusterSpec {
  const at = text.indexOf('=');
  const name = at < 0 ? '' : text.slice(0, at);
  const routerUrl = text.slice(at + 1);
  if (at < 0) throw new ClusterConfigError(`--cluster expects NAME=URL, got "${text}"`);
  if (!NAME.test(name)) throw new ClusterConfigError(`--cluster ${text}: a cluster name is ${NAME_RULE}`);
  if (!ROUTER_URL.test(routerUrl)) throw new ClusterConfigError(`--cluster ${text}: the URL must be http(s)`);
  return { name, routerUrl };
}

/** The JSON of `--config FILE`: `{"clusters": [{"name", "routerUrl", "caFile"?, "timeoutMs"?, "label"?, "colour"?}]}`. */
export function parseClusterConfig(text: string, file: string): ClusterSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ClusterConfigError(`--config ${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ClusterConfigError(`--config ${file}${where}: ${issue?.message ?? 'invalid'}`);
  }
  const folder = dirname(resolve(file));
  return checkUnique(
    parsed.data.clusters.map((spec) => (spec.caFile ? { ...spec, caFile: resolve(folder, spec.caFile) } : spec)),
  );
}

export function checkUnique(specs: ClusterSpec[]): ClusterSpec[] {
  const seen = new Set<string>();
  for (const { name } of specs) {
    // Case-insensitive: prod and PROD side by side would be one typo away from acting on the wrong cluster.
    if (seen.has(name.toLowerCase())) throw new ClusterConfigError(`Two clusters are named "${name}".`);
    seen.add(name.toLowerCase());
  }
  return specs;
}
