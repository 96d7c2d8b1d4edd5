import { formatUtc } from '../../components/format-time.ts';

/** Instants as 24-hour UTC text ("2026-01-01 10:00 UTC") and spans as an operator reads them ("30 days", "1 min"). */
export function formatWhen(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return formatUtc(ms, { zone: true, precision: 'minutes' });
}

const UNITS: Array<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'min'],
  [1000, 's'],
];

export function formatSpan(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${ms} ms`;
  for (const [size, unit] of UNITS) {
    if (ms >= size) {
      const value = Math.round((ms / size) * 10) / 10;
      const plural = unit === 'day' || unit === 'hour' ? (value === 1 ? '' : 's') : '';
      return `${value} ${unit}${plural}`;
    }
  }
  return `${ms} ms`;
}
