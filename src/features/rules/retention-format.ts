import { formatBytes, formatCountOf } from '../../components/format.ts';
import { ruleSentence } from '../../components/rules/rule-text.ts';
import type { RetentionSlot } from '../../druid/effective-retention.ts';
import { formatInstant, isEternityBound, MIN_INSTANT } from '../../druid/instant.ts';

const DAY = 86_400_000;

/** Short instant: a date at midnight, minutes otherwise, words for Druid's eternity bounds. */
export function shortInstant(ms: number): string {
  if (isEternityBound(ms)) return ms <= MIN_INSTANT ? 'the beginning of time' : 'the end of time';
  const text = formatInstant(ms);
  if (ms % DAY === 0) return text.slice(0, 10);
  return ms % 60_000 === 0 ? `${text.slice(0, 16)}Z` : text;
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
