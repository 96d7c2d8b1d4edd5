import { useEffect, useId } from 'react';
import { useSearchParams } from 'wouter';
import { readHandedOverRulesFile } from '../../api/rules-plan-handover.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { ApplySummaryView } from './apply-summary-view.tsx';
import { ImportPlanSection } from './import-plan-section.tsx';
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
  const [params] = useSearchParams();
  const handedOver = params.get('plan') === 'handed-over';
  const { planText } = importer;
  // Rules handed over by another view (History's "Rules as of a time") are planned like a chosen file.
  useEffect(() => {
    const file = handedOver ? readHandedOverRulesFile() : null;
    if (file) void planText(file.fileName, file.text);
  }, [handedOver, planText]);

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
            accept=".json,.yaml,.yml,application/json,application/yaml"
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
          <ImportPlanSection
            fileName={state.fileName}
            plan={state.plan}
            impact={state.impact}
            apply={apply}
            onApplied={importer.replan}
          />
        )}
      </section>
      {apply.state.status === 'done' && <ApplySummaryView summary={apply.state.summary} />}
    </section>
  );
}
