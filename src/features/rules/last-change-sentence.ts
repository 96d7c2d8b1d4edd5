import type { AuditEntry } from '../../api/history.ts';
import { formatUtc } from '../../components/format.ts';

/** `2015-09-12 14:05 UTC`. */
function utcMinutes(time: number): string {
  return formatUtc(time, { precision: 'minutes', zone: true });
}

/** "Grace changed them on 2015-09-12 14:05 UTC: “keep nothing”." from Druid's audit entry of a rules change. */
export function lastChangeSentence(entry: AuditEntry): string {
  const who = entry.author || entry.identity || 'Someone';
  const when = Number.isFinite(entry.time) ? ` on ${utcMinutes(entry.time)}` : '';
  const why = entry.comment ? `: “${entry.comment}”` : ' (no comment)';
  return `${who} changed them${when}${why}.`;
}
