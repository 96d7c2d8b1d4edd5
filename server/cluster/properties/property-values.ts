import { type Period, parsePeriod } from '../../../src/druid/period.ts';

/**
 * Typed property values, read as Druid's JsonConfigurator reads them: the text is tried as JSON first (so `100` is a
 * number, `true` a boolean) and used as a string otherwise; Jackson then converts it to the field's type.
 */

export class PropertyValueError extends Error {}

function asJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function booleanValue(text: string): boolean {
  const value = asJson(text);
  if (typeof value === 'boolean') return value;
  // Jackson also takes the strings "True"/"TRUE"/"False"/"FALSE".
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw new PropertyValueError(`"${text}" is not a boolean (true or false)`);
}

export function intValue(text: string): number {
  const value = asJson(text.trim());
  const number = typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || Math.abs(number) > 2_147_483_647) {
    throw new PropertyValueError(`"${text}" is not an integer`);
  }
  return number;
}

export function periodValue(text: string): Period {
  try {
    return parsePeriod(text.trim());
  } catch {
    throw new PropertyValueError(`"${text}" is not an ISO-8601 period such as P30D or PT1H`);
  }
}

/** Joda's `Period.toStandardDuration`: weeks are 7 days, days 24 hours; years and months have no fixed length. */
export function durationValue(text: string): number {
  const value = asJson(text.trim());
  if (typeof value === 'number' && Number.isInteger(value)) return value; // milliseconds, as Jackson reads a number
  const period = periodValue(text);
  if (period.years !== 0)
    throw new PropertyValueError(
      `"${text}": Cannot convert to Duration as this period contains years and years vary in length`,
    );
  if (period.months !== 0)
    throw new PropertyValueError(
      `"${text}": Cannot convert to Duration as this period contains months and months vary in length`,
    );
  return (
    ((period.weeks * 7 + period.days) * 24 + period.hours) * 3_600_000 +
    period.minutes * 60_000 +
    period.seconds * 1000 +
    period.millis
  );
}

/** Joda's `Duration.toString`: seconds only, `PT86400S`, `PT0.500S`, `PT-5S`. */
export function formatDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  const millis = Math.abs(ms % 1000);
  const sign = ms < 0 && seconds === 0 ? '-' : '';
  return `PT${sign}${seconds}${millis ? `.${String(millis).padStart(3, '0')}` : ''}S`;
}

export function stringListValue(text: string): string[] | null {
  const value = asJson(text.trim());
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}
