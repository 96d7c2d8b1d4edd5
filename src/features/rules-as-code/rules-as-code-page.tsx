import { useEffect, useId, useState } from 'react';
import { changedEntries } from '../../api/rules-import-plan.ts';
import { planDocument } from '../../api/rules-plan-report.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { downloadFile } from '../../components/download-file.ts';
import { formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { ApplyImportDialog } from './apply-import-dialog.tsx';
import { ApplySummaryView } from './apply-summary-view.tsx';
import { ImportPlanView } from './import-plan-view.tsx';
import { RulesExportSection } from './rules-export-section.tsx';
import { useApplyImport } from './use-apply-import.ts';
import { useImportPlan } from './use-import-plan.ts';
import './rules-as-code.css';

/** `/rules-as-code`: export every rule to a file; import a file as a reviewed plan, then apply what is selected. */
export function RulesAsCodePage() {
  const fileId = useId();
  const importer = useImportPlan();
  const apply = useApplyImport();
  const { state } = importer;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);

  const plan = state.status === 'ready' ? state.plan : null;
  useEffect(() => {
    setSelected(new Set(plan ? changedEntries(plan).map((entry) => entry.name) : []));
  }, [plan]);

  const chosen = plan ? changedEntries(plan).filter((entry) => selected.has(entry.name)) : [];

  return (
    <section className="stack rules-code">
      <Breadcrumb items={[{ label: 'Retention rules', href: '/rules' }, { label: 'Rules as code' }]} />
      <h1>Rules as code</h1>
      <RulesExportSection />
      <section className="card stack" aria-labelledby="rules-code-import">
        <h2 id="rules-code-import">Import</h2>
        <p className="muted">
          A file in the export’s shape. Datasources it names get exactly its rules (<code>[]</code> removes their own
          rules); datasources it does not name are left as they are. Nothing is sent before you review the plan.
        </p>
        <div className="field">
          <label htmlFor={fileId}>Rules file (JSON)</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              apply.reset();
              if (file) void importer.planFile(file);
              else importer.reset();
            }}
          />
        </div>
        {state.status === 'refused' && (
          <div role="alert" className="alert error stack">
            <strong>{state.fileName} was refused; nothing will be applied.</strong>
            <ul aria-label="Problems in the file">
              {state.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
        {state.status === 'loading' && (
          <p className="muted" aria-busy="true">
            Planning {state.fileName}…
            {state.progress &&
              state.progress.total > 0 &&
              ` Counting the effect: ${state.progress.done} of ${state.progress.total} datasources.`}
          </p>
        )}
        {state.status === 'error' && <QueryErrorAlert error={state.error} onRetry={importer.replan} />}
        {state.status === 'ready' && (
          <section className="stack" aria-labelledby="rules-code-plan">
            <div className="row rules-code-plan-header">
              <h3 id="rules-code-plan">Plan for {state.fileName}</h3>
              <button
                type="button"
                onClick={() =>
                  downloadFile(
                    `${state.fileName.replace(/\.json$/i, '')}-plan.json`,
                    `${JSON.stringify(planDocument(state.plan, state.impact), null, 2)}\n`,
                    'application/json',
                  )
                }
              >
                Download plan (JSON)
              </button>
              <button
                type="button"
                className="primary"
                disabled={chosen.length === 0}
                onClick={() => setConfirming(true)}
              >
                Apply {formatCountOf(chosen.length, 'selected change')}…
              </button>
            </div>
            <ImportPlanView
              plan={state.plan}
              impact={state.impact}
              selected={selected}
              onToggle={(name, on) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (on) next.add(name);
                  else next.delete(name);
                  return next;
                })
              }
            />
            <ApplyImportDialog
              open={confirming}
              entries={chosen}
              impact={state.impact}
              state={apply.state}
              onCancel={() => setConfirming(false)}
              onApply={async (author, comment) => {
                await apply.run(state.plan.entries, selected, author, comment);
                setConfirming(false);
                importer.replan();
              }}
            />
          </section>
        )}
      </section>
      {apply.state.status === 'done' && <ApplySummaryView summary={apply.state.summary} />}
    </section>
  );
}
