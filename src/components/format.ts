export { formatBytes } from '../druid/format-bytes.ts';

const integer = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return integer.format(count);
}

/** "1 segment", "2,000 segments": the count and its noun, plural unless exactly one. */
export function formatCountOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

export { formatIso, formatUtc, formatUtcRange, type TimeFormatOptions } from './format-time.ts';
