import { formatUtc } from '../../components/format-time.ts';

/** `2023-07-18 18:49:43 UTC`: audit times to the second, in UTC as Druid records them. */
export function formatAuditTime(time: number): string {
  return formatUtc(time, { precision: 'seconds', zone: true });
}

/** `2023-07-18 18:49 UTC` for axis ranges and summaries. */
export function formatUtcMinutes(time: number): string {
  return formatUtc(time, { precision: 'minutes', zone: true });
}
