import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCountOf } from '../../components/format.ts';
import { DEFAULT_RULES_KEY } from '../../druid/rules.ts';
import { retentionChangeSentences } from './retention-change-summary.tsx';
import type { DefaultRulesImpactState } from './use-default-rules-impact.ts';
import type { SaveRequest, useSaveFlow } from './use-save-flow.ts';

/** A second step for saves that drop data loaded now from many datasources: type `word` to go on. */
export interface SaveConfirmation {
  word: string;
  title: string;
  body: React.ReactNode;
}

/**
 * New defaults reach the whole cluster: when they drop data loaded now, or when what they drop could not be
 * counted, saving asks for `_default` to be typed, as other actions of that reach ask for the name.
 */
export function defaultRulesConfirmation(state: DefaultRulesImpactState): SaveConfirmation | null {
  if (state.status === 'error')
    return {
      word: DEFAULT_RULES_KEY,
      title: 'Save default rules whose effect could not be counted?',
      body: <p>The new defaults apply to every datasource that falls back to them, and they may drop loaded data.</p>,
    };
  if (state.status !== 'ready') return null;
  const { changed, total } = state.impact;
  const dropping = changed.filter((impact) => impact.change.newlyDropped.count > 0);
  if (dropping.length === 0) return null;
  const names = dropping.slice(0, 5).map((impact) => impact.name);
  const more = dropping.length - names.length;
  return {
    word: DEFAULT_RULES_KEY,
    title: `Drop data of ${formatCountOf(dropping.length, 'datasource')}?`,
    body: (
      <>
        <ul className="retention-change alert warning">
          {retentionChangeSentences(total.change).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
        <p>
          {`Datasources losing data: ${names.join(', ')}${more > 0 ? ` and ${formatCountOf(more, 'other')}` : ''}.`}{' '}
          Druid marks dropped segments unused; marking them used again reloads them.
        </p>
      </>
    ),
  };
}

type SaveFlow = ReturnType<typeof useSaveFlow>;

/**
 * The save flow with a typed confirmation between the save dialog and the request when `confirmation` is set: the
 * dialog's save holds the request back until the word is typed. Returns the flow to hand the dialog, and the
 * confirmation dialog to render.
 */
export function useConfirmedSave(flow: SaveFlow, confirmation: SaveConfirmation | null) {
  const [held, setHeld] = useState<SaveRequest | null>(null);
  const guarded: SaveFlow = confirmation
    ? { ...flow, mutation: { ...flow.mutation, mutate: (request: SaveRequest) => setHeld(request) } }
    : flow;
  const dialog = confirmation ? (
    <ConfirmDialog
      open={held !== null}
      title={confirmation.title}
      confirmLabel="Save the default rules"
      destructive
      typedConfirmation={confirmation.word}
      onCancel={() => setHeld(null)}
      onConfirm={() => {
        if (held) flow.mutation.mutate(held);
        setHeld(null);
      }}
    >
      {confirmation.body}
    </ConfirmDialog>
  ) : null;
  return { flow: guarded, dialog };
}
