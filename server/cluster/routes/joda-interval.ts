import {
  badIntervalMessage,
  formatInterval,
  type IntervalParseResult,
  tryParseInterval,
} from '../../../src/druid/interval.ts';

/**
 * Intervals.of on a query parameter or JSON field (rules history, mark payloads). Joda knows no `_` separator; only
 * the REST path forms swap `_` for `/`. So `2023-07-13_2023-07-19` fails here, where tryParseInterval would accept it.
 */
export function parseJodaInterval(text: string): IntervalParseResult {
  const underscore = text.indexOf('_');
  if (underscore < 0) return tryParseInterval(text);
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, error: badIntervalMessage(text, `Format requires a '/' separator: ${text}`) };
  const [part, at] =
    underscore < slash ? [text.slice(0, slash), underscore] : [text.slice(slash + 1), underscore - slash - 1];
  return {
    ok: false,
    error: badIntervalMessage(text, `Invalid format: "${part}" is malformed at "${part.slice(at)}"`),
  };
}

/**
 * Rules as Druid stores and returns them: an `interval` field is a Joda Interval, read with Intervals.of and written
 * back as `start/end` in full UTC ISO (`2010-01-01/2020-01-01` comes back as `2010-01-01T00:00:00.000Z/…`).
 */
export function normalizeRuleIntervals(
  rules: unknown[],
): { ok: true; rules: unknown[] } | { ok: false; error: string } {
  const result: unknown[] = [];
  for (const [index, rule] of rules.entries()) {
    const interval = (rule as { interval?: unknown }).interval;
    if (typeof interval !== 'string') {
      result.push(rule);
      continue;
    }
    const parsed = parseJodaInterval(interval);
    if (!parsed.ok) return { ok: false, error: `Rule ${index + 1}: ${parsed.error}` };
    result.push({ ...(rule as object), interval: formatInterval(parsed.interval) });
  }
  return { ok: true, rules: result };
}
