import { formatInstant } from '../../druid/instant.ts';

/** `2023-07-18 18:49:43 UTC`: Druid's times, readable, always in UTC as Druid records them. */
export function formatUtc(time: number): string {
  if (!Number.isFinite(time)) return 'unknown time';
  const text = formatInstant(time);
  const match = /^(.*)T(\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(text);
  return match ? `${match[1]} ${match[2]} UTC` : text;
}

/** `2023-07-18 18:49 UTC` for axis ranges and summaries. */
export function formatUtcMinutes(time: number): string {
  return formatUtc(time).replace(/:\d\d UTC$/, ' UTC');
}
