import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { rulesIndexQueryOptions } from '../../api/rules-index.ts';
import { formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { describeFleetEdit } from '../../druid/fleet-edits.ts';
import { draftToEdit, type FleetEditDraft, INITIAL_DRAFT } from './fleet-edit-draft.ts';
import { FleetEditForm } from './fleet-edit-form.tsx';
import { FleetPicker } from './fleet-picker.tsx';
import { type FleetTargets, fleetTargets } from './fleet-plan.ts';
import { FleetReviewSection } from './fleet-review-section.tsx';
import { FleetSaveDialog } from './fleet-save-dialog.tsx';
import type { FleetRow } from './fleet-selection.ts';
import { useFleetRun } from './use-fleet-run.ts';
import './rules-fleet.css';

interface Reviewing extends FleetTargets {
  now: number;
  comment: string;
}

/** `/rules-fleet`: one change of the retention rules of many datasources, reviewed, saved and undoable as one. */
export function RulesFleetPage() {
  const index = useQuery(rulesIndexQueryOptions());
  const [pattern, setPattern] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [draft, setDraft] = useState<FleetEditDraft>(INITIAL_DRAFT);
  const [reviewing, setReviewing] = useState<Reviewing | null>(null);
  const [saving, setSaving] = useState<{ losingData: number } | null>(null);
  const run = useFleetRun();

  const rows = useMemo<FleetRow[]>(
    () =>
      (index.data?.dataSources ?? []).map((entry) => ({
        name: entry.name,
        rules: entry.rules?.rules ?? [],
        error: entry.rules?.error ?? null,
      })),
    [index.data],
  );
  const defaults = index.data?.defaultRules;
  const result = useMemo(() => draftToEdit(draft), [draft]);
  const byName = useMemo(() => new Map(reviewing?.changed.map((t) => [t.name, t])), [reviewing]);
  const request = useMemo(
    () => ({
      items: reviewing?.changed.map((t) => ({ name: t.name, rules: t.after })) ?? [],
      expected: new Map(reviewing?.changed.map((t) => [t.name, t.before])),
      unchanged: reviewing?.unchanged ?? [],
    }),
    [reviewing],
  );

  const review = () => {
    if (!result.ok) return;
    setReviewing({
      ...fleetTargets(rows, selected, result.edit),
      now: Date.now(),
      comment: `Fleet change: ${describeFleetEdit(result.edit)}`,
    });
  };

  return (
    <section className="stack rules-fleet">
      <p>
        <Link href="/rules">← Retention rules</Link>
      </p>
      <h1>Change the rules of many datasources</h1>
      {index.error && <QueryErrorAlert error={index.error} onRetry={() => index.refetch()} />}
      {defaults?.error && <p className="alert error">Cannot read the default rules: {defaults.error}</p>}
      {index.isPending && (
        <p className="muted" aria-busy="true">
          Loading rules…
        </p>
      )}
      {index.data && !reviewing && (
        <>
          <FleetPicker
            rows={rows}
            selected={selected}
            onSelect={setSelected}
            pattern={pattern}
            onPattern={setPattern}
          />
          <FleetEditForm draft={draft} onChange={setDraft} result={result} />
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={!result.ok || selected.size === 0 || !!defaults?.error}
              onClick={review}
            >
              Review the change of {formatCountOf(selected.size, 'datasource')}
            </button>
          </div>
        </>
      )}
      {reviewing && (
        <>
          <div className="row">
            <button type="button" onClick={() => setReviewing(null)}>
              ← Back to the change
            </button>
          </div>
          <FleetReviewSection
            targets={reviewing.changed}
            byName={byName}
            unchanged={reviewing.unchanged.length}
            defaults={defaults?.rules ?? []}
            now={reviewing.now}
            onSave={(next) => {
              // A finished run (an Undo from its toast, say) must not greet the next save with its summary.
              if (run.state.phase === 'done') run.reset();
              setSaving({ losingData: next.losingData });
            }}
          />
          <FleetSaveDialog
            open={saving !== null}
            onClose={() => {
              setSaving(null);
              setReviewing(null);
            }}
            run={run}
            request={request}
            initialComment={reviewing.comment}
            losingData={saving?.losingData ?? 0}
          />
        </>
      )}
    </section>
  );
}
