import type { AuditEntry } from '../../api/history.ts';
import { formatUtcMinutes } from '../history/format-time.ts';

/** "Grace changed them on 2015-09-12 14:05 UTC: “keep nothing”." from Druid's audit entry of a rules change. */
export function lastChangeSentence(entry: AuditEntry): string {
  const who = entry.author || entry.identity || 'Someone';
  const when = Number.isFinite(entry.time) ? ` on ${formatUtcMinutes(entry.time)}` : '';
  const why = entry.comment ? `: “${entry.comment}”` : ' (no comment)';
  return `${who} changed them${when}${why}.`;
}
