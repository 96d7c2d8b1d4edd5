/**
 * Saving many datasources' rules: one POST per datasource, a few in flight, stopping (after those in flight) when
 * cancelled. The outcome names every datasource: saved, failed with Druid's message, or not sent.
 */
import type { RuleListResult } from '../../api/rules.ts';
import { formatCountOf } from '../../components/format.ts';
import { canonicalJson } from '../../components/rules-diff/rules-diff.ts';
import type { Rule } from '../../druid/rules.ts';

export const SAVE_CONCURRENCY = 4;

export interface FleetSaveItem {
  name: string;
  rules: readonly Rule[];
}

export interface FleetRunOutcome {
  saved: string[];
  failed: Array<{ name: string; error: string }>;
  /** Never sent because the run was cancelled. */
  notSent: string[];
  cancelled: boolean;
}

export interface FleetRunProgress {
  done: number;
  total: number;
  failed: number;
}

export interface RunFleetSaveOptions {
  items: readonly FleetSaveItem[];
  send: (item: FleetSaveItem) => Promise<void>;
  isCancelled: () => boolean;
  onProgress?: (progress: FleetRunProgress) => void;
  concurrency?: number;
}

/**
 * Datasources whose rules now (`current`: one `GET /rules`, absent = none) differ from what the run expects there:
 * someone changed them since they were read, so they are not sent. A list this console cannot read counts as changed.
 */
export function changedMeanwhile(
  items: readonly FleetSaveItem[],
  current: Readonly<Record<string, RuleListResult>>,
  expected: (name: string) => readonly Rule[],
): string[] {
  return items
    .filter(({ name }) => {
      const now = current[name];
      return Boolean(now?.error) || canonicalJson(now?.rules ?? []) !== canonicalJson(expected(name));
    })
    .map(({ name }) => name);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runFleetSave(options: RunFleetSaveOptions): Promise<FleetRunOutcome> {
  const { items, send, isCancelled, onProgress } = options;
  const outcome: FleetRunOutcome = { saved: [], failed: [], notSent: [], cancelled: false };
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (isCancelled()) return;
      const item = items[next++] as FleetSaveItem;
      try {
        await send(item);
        outcome.saved.push(item.name);
      } catch (error) {
        outcome.failed.push({ name: item.name, error: message(error) });
      }
      onProgress?.({
        done: outcome.saved.length + outcome.failed.length,
        total: items.length,
        failed: outcome.failed.length,
      });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? SAVE_CONCURRENCY, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (next < items.length) {
    outcome.cancelled = true;
    outcome.notSent = items.slice(next).map((item) => item.name);
  }
  return outcome;
}

export interface FleetSummaryLine {
  label: string;
  names: string[];
  tone: 'success' | 'neutral' | 'warning' | 'error';
  /** Druid's message per name, for failures. */
  errors?: Record<string, string>;
}

export interface FleetRunReport {
  title: string;
  tone: 'success' | 'warning' | 'error';
  lines: FleetSummaryLine[];
}

/**
 * The exact summary: `unchanged` were never sent (their rules stay as they are), `conflicts` were changed by
 * someone else after the review and not sent either.
 */
export function reportFleetRun(
  outcome: FleetRunOutcome,
  unchanged: readonly string[],
  conflicts: readonly string[],
  verb = 'Saved',
): FleetRunReport {
  const lines: FleetSummaryLine[] = [{ label: verb, names: outcome.saved, tone: 'success' }];
  if (unchanged.length > 0) lines.push({ label: 'Unchanged, not sent', names: [...unchanged], tone: 'neutral' });
  if (conflicts.length > 0)
    lines.push({ label: 'Changed by someone else meanwhile, not sent', names: [...conflicts], tone: 'warning' });
  if (outcome.failed.length > 0)
    lines.push({
      label: 'Failed',
      names: outcome.failed.map((f) => f.name),
      tone: 'error',
      errors: Object.fromEntries(outcome.failed.map((f) => [f.name, f.error])),
    });
  if (outcome.notSent.length > 0)
    lines.push({ label: 'Not sent (cancelled)', names: outcome.notSent, tone: 'warning' });
  const saved = formatCountOf(outcome.saved.length, 'datasource');
  if (outcome.cancelled) return { title: `Cancelled: ${saved} ${verb.toLowerCase()}`, tone: 'warning', lines };
  if (outcome.failed.length > 0)
    return {
      title: `${outcome.saved.length === 0 ? 'Failed' : 'Partly failed'}: ${saved} ${verb.toLowerCase()}, ${formatCountOf(outcome.failed.length, 'datasource')} failed`,
      tone: 'error',
      lines,
    };
  if (conflicts.length > 0) return { title: `${verb} ${saved}; some were not sent`, tone: 'warning', lines };
  return { title: `${verb} ${saved}`, tone: 'success', lines };
}
