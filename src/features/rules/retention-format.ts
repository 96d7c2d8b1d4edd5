import { formatBytes, formatCountOf, formatUtc } from '../../components/format.ts';
import { ruleSentence } from '../../components/rules/rule-text.ts';
import type { RetentionSlot } from '../../druid/effective-retention.ts';

/** Short instant: a date at midnight, minutes otherwise, words for Druid's eternity bounds. */
export function shortInstant(ms: number): string {
  return formatUtc(ms, { dateAtMidnight: true });
}

export function segmentsText(count: number): string {
  return formatCountOf(count, 'segment');
}

export function segmentsAndBytes(count: number, bytes: number): string {
  return `${segmentsText(count)} (${formatBytes(bytes)})`;
}

/** "Rule 2 · Drop segments within …" or "Default 1 · Load forever; …". */
export function slotLabel(slot: RetentionSlot | undefined): string {
  if (!slot) return 'No rule matches: Druid leaves these segments as they are';
  return `${slot.source === 'default' ? 'Default' : 'Rule'} ${slot.index + 1} · ${ruleSentence(slot.rule)}`;
}
