/**
 * An import plan in words and as a JSON document: the terminal prints the words, the console shows the same
 * sentences and downloads the document.
 */
import type { RuleChange } from '../components/rules-diff/rules-diff.ts';
import { formatBytes } from '../druid/format-bytes.ts';
import type { RetentionChange } from '../druid/retention-change.ts';
import { describeRule, isLoadRule, type Rule, serializeRules } from '../druid/rules.ts';
import type { ApplySummary } from './rules-import-apply.ts';
import type { ImportImpact } from './rules-import-impact.ts';
import { changedEntries, type RulesPlan } from './rules-import-plan.ts';

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
const segments = (totals: { count: number; bytes: number }) =>
  `${count(totals.count, 'segment')} (${formatBytes(totals.bytes)})`;

/** `loadByPeriod P1M · _default_tier ×2`. */
export function ruleLine(rule: Rule): string {
  if (!isLoadRule(rule)) return describeRule(rule);
  const tiers = Object.entries(rule.tieredReplicants).map(([tier, n]) => `${tier} ×${n}`);
  return `${describeRule(rule)} · ${tiers.length ? tiers.join(', ') : 'no replicas'}`;
}

/** One line per rule change, positions 1-based: `+ #1 dropByPeriod P1M`. */
export function ruleChangeLine(change: RuleChange): string {
  switch (change.kind) {
    case 'added':
      return `+ added at #${change.toIndex + 1}: ${ruleLine(change.rule)}`;
    case 'removed':
      return `- removed (was #${change.fromIndex + 1}): ${ruleLine(change.rule)}`;
    case 'moved':
      return `~ moved #${change.fromIndex + 1} → #${change.toIndex + 1}: ${ruleLine(change.rule)}`;
    case 'changed': {
      const fields = change.fields.map((f) => `${f.label} ${f.before ?? '(not set)'} → ${f.after ?? '(not set)'}`);
      return `~ changed #${change.toIndex + 1} ${change.after.type}: ${fields.join('; ')}`;
    }
    case 'unchanged':
      return `  kept #${change.toIndex + 1}: ${ruleLine(change.rule)}`;
  }
}

/** "drops 120 segments (3.2 GB)…": what the change does to served segments. */
export function impactSentences(change: RetentionChange): string[] {
  const sentences: string[] = [];
  if (change.newlyDropped.count) sentences.push(`drops ${segments(change.newlyDropped)} served now`);
  if (change.noLongerDropped.count) sentences.push(`no longer drops ${segments(change.noLongerDropped)}`);
  if (change.newlyBroadcast.count) sentences.push(`broadcasts ${segments(change.newlyBroadcast)}`);
  if (change.noLongerBroadcast.count) sentences.push(`no longer broadcasts ${segments(change.noLongerBroadcast)}`);
  for (const [tier, delta] of Object.entries(change.tiers)) {
    const sign = delta.replicas > 0 ? '+' : '−';
    sentences.push(
      `tier ${tier}: ${sign}${count(Math.abs(delta.replicas), 'replica')} (${sign}${formatBytes(Math.abs(delta.bytes))})`,
    );
  }
  return sentences;
}

export function planText(plan: RulesPlan, impact: ImportImpact | null): string {
  const lines: string[] = [];
  const changed = changedEntries(plan);
  const impactOf = new Map(impact?.entries.map((entry) => [entry.name, entry]));
  for (const entry of plan.entries) {
    if (entry.status === 'unchanged') continue;
    lines.push(`${entry.name}: ${entry.status === 'create' ? 'new rules' : 'rules change'}`);
    if (entry.beforeError) lines.push(`  (the stored rules cannot be read here: ${entry.beforeError})`);
    for (const change of entry.diff.changes) if (change.kind !== 'unchanged') lines.push(`  ${ruleChangeLine(change)}`);
    const effect = impactOf.get(entry.name);
    lines.push(`  effect: ${effect ? impactSentences(effect.change).join('; ') : 'none on served segments'}`);
  }
  for (const entry of impact?.entries ?? [])
    if (!entry.inFile) lines.push(`${entry.name} (through _default): ${impactSentences(entry.change).join('; ')}`);
  if (impact?.unknown.length) lines.push(`Effect unknown (rules unreadable here): ${impact.unknown.join(', ')}`);
  const unchanged = plan.entries.length - changed.length;
  lines.push(
    `Plan: ${count(changed.length, 'datasource')} to change, ${unchanged} unchanged (not sent)` +
      (plan.notInFile.length ? `, ${plan.notInFile.length} with rules not in the file (left as they are).` : '.'),
  );
  return `${lines.join('\n')}\n`;
}

/** The downloadable plan: every datasource of the file, its rules before and after, and the effect. */
export function planDocument(plan: RulesPlan, impact: ImportImpact | null) {
  const impactOf = new Map(impact?.entries.map((entry) => [entry.name, entry]));
  return {
    dataSources: plan.entries.map((entry) => ({
      name: entry.name,
      status: entry.status,
      before: entry.beforeError ? null : serializeRules(entry.before),
      after: serializeRules(entry.after),
      changes: entry.diff.changes.filter((c) => c.kind !== 'unchanged').map(ruleChangeLine),
      effect: impactOf.get(entry.name)?.change ?? null,
    })),
    reachedThroughDefaults: (impact?.entries ?? [])
      .filter((entry) => !entry.inFile)
      .map((entry) => ({ name: entry.name, effect: entry.change })),
    effectUnknown: impact?.unknown ?? [],
    notInFile: plan.notInFile,
  };
}

export function summaryText(summary: ApplySummary): string {
  const lines = summary.outcomes
    .filter((o) => o.result !== 'unchanged')
    .map((o) => (o.result === 'failed' ? `${o.name}: failed: ${o.message}` : `${o.name}: ${o.result}`));
  lines.push(
    `${summary.saved} saved, ${summary.unchanged} unchanged (not sent), ${summary.failed} failed, ${summary.notSent} not sent.`,
  );
  return `${lines.join('\n')}\n`;
}
