import { formatUtc } from '../../components/format-time.ts';
import { tryParseInstant } from '../../druid/instant.ts';

export type AsOfTimeReading = { ok: true; time: number } | { ok: false; error: string };

const EXAMPLE = '2026-11-20 14:30';

/**
 * A point in time as operators type it: `2026-11-20 14:30` (24-hour UTC, a space or a T), or any ISO instant Druid
 * reads, with an offset if wanted. Not in the future: there is nothing to rebuild there.
 */
export function readAsOfTime(text: string, now: number): AsOfTimeReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `Enter a time, e.g. ${EXAMPLE} (UTC).` };
  const iso = trimmed.replace(/^(\d{4}-\d\d-\d\d)[ T](\d\d(:\d\d){0,2}(\.\d+)?)$/, '$1T$2Z');
  const time = tryParseInstant(/^\d{4}-\d\d-\d\d$/.test(iso) ? `${iso}T00:00Z` : iso);
  if (time === null) return { ok: false, error: `Not a time: use a date and 24-hour UTC time such as ${EXAMPLE}.` };
  if (time > now)
    return {
      ok: false,
      error: `That is in the future; pick a time before ${formatUtc(now, { precision: 'minutes' })}.`,
    };
  return { ok: true, time };
}

/** The text a time is written back as: `2026-11-20 14:30` (seconds only when present), as the field reads it. */
export function asOfText(time: number): string {
  return formatUtc(time);
}
