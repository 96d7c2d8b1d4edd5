import type { AuditEntry } from '../../api/history.ts';
import { formatInstant } from '../../druid/instant.ts';

/** `2015-09-12 14:05 UTC`. (The shared 24-hour UTC formatter is on its way to src/components; use it once merged.) */
function utcMinutes(time: number): string {
  return `${formatInstant(time).slice(0, 16).replace('T', ' ')} UTC`;
}

/** "Grace changed them on 2015-09-12 14:05 UTC: “keep nothing”." from Druid's audit entry of a rules change. */
export function lastChangeSentence(entry: AuditEntry): string {
  const who = entry.author || entry.identity || 'Someone';
  const when = Number.isFinite(entry.time) ? ` on ${utcMinutes(entry.time)}` : '';
  const why = entry.comment ? `: “${entry.comment}”` : ' (no comment)';
  return `${who} changed them${when}${why}.`;
}
