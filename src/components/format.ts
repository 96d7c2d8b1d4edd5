export { formatBytes } from '../druid/format-bytes.ts';

const integer = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return integer.format(count);
}
