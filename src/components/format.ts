export { formatBytes } from '../druid/format-bytes.ts';

const integer = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return integer.format(count);
}

/** "1 segment", "2,000 segments", "3 batches": the count and its noun, plural unless exactly one. */
export function formatCountOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}

export { formatIso, formatUtc, formatUtcRange, type TimeFormatOptions } from './format-time.ts';
