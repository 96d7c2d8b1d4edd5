import type { TierConfig } from './context.ts';

/** The static topology of the local cluster: `_default_tier` with two historicals, `hot` with one. */
export const DEFAULT_TIERS: TierConfig[] = [
  {
    name: '_default_tier',
    servers: [
      { host: 'localhost:8083', maxSize: 300_000_000_000 },
      { host: 'localhost:8283', maxSize: 300_000_000_000 },
    ],
  },
  { name: 'hot', servers: [{ host: 'localhost:8483', maxSize: 100_000_000_000 }] },
];

/** Parses `--tiers "_default_tier:2,hot:1"` (tier name : number of historicals). */
export function parseTiers(text: string): TierConfig[] {
  return text.split(',').map((part, tierIndex) => {
    const match = /^\s*([^:\s]+)\s*:\s*(\d+)\s*$/.exec(part);
    if (!match || Number(match[2]) < 1) throw new Error(`Bad tier "${part}": expected name:servers, e.g. hot:1`);
    return {
      name: match[1] ?? '',
      servers: Array.from({ length: Number(match[2]) }, (_, i) => ({
        host: `localhost:${8083 + tierIndex * 200 + i * 10}`,
        maxSize: 300_000_000_000,
      })),
    };
  });
}
