import { useId, useState } from 'react';
import { fetchClusterRulesText } from '../../api/cluster-rules.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { ApplySummaryView } from '../rules-as-code/apply-summary-view.tsx';
import { ImportPlanSection } from '../rules-as-code/import-plan-section.tsx';
import { useApplyImport } from '../rules-as-code/use-apply-import.ts';
import { useImportPlan } from '../rules-as-code/use-import-plan.ts';
import { useClusterContext } from './cluster-context.ts';
import '../rules-as-code/rules-as-code.css';

/** The audit comment of a copy names where the rules came from, whatever the operator writes. */
export function copyComment(source: string, comment: string): string {
  return `Copied from cluster ${source}: ${comment}`;
}

/**
 * `/compare-clusters`: another cluster's rules planned against this one, per datasource (semantic diff, effect on
 * served segments), then the selected datasources copied here. The rules-as-code import does the planning and the
 * applying: the other cluster's rules are read as if they were a rules file.
 */
export function ClusterComparePage() {
  const context = useClusterContext();
  const selectId = useId();
  const importer = useImportPlan();
  const apply = useApplyImport();
  const [source, setSource] = useState('');
  const [readError, setReadError] = useState<unknown>(null);
  if (!context)
    return (
      <section className="stack">
        <h1>Compare clusters</h1>
        <p>This console serves one cluster: there is nothing to compare it with.</p>
      </section>
    );
  const others = context.clusters.filter((cluster) => cluster.name !== context.current.name);
  const here = context.current.name;
  const { state } = importer;

  const compare = async (name: string) => {
    setSource(name);
    setReadError(null);
    apply.reset();
    importer.reset();
    if (!name) return;
    try {
      const text = await fetchClusterRulesText(name);
      await importer.planFile(new File([text], `rules of ${name}.json`, { type: 'application/json' }));
    } catch (error) {
      setReadError(error);
    }
  };

  return (
    <section className="stack rules-code">
      <Breadcrumb items={[{ label: 'Retention rules', href: '/rules' }, { label: 'Compare clusters' }]} />
      <h1>Copy rules to {here}</h1>
      <p className="muted">
        Another cluster’s rules against {here}’s, per datasource. Nothing is sent before you review the plan; the audit
        comment names the cluster the rules came from. Datasources it has no rules for are left as they are.
      </p>
      <div className="field">
        <label htmlFor={selectId}>Rules from cluster</label>
        <select id={selectId} value={source} onChange={(event) => void compare(event.target.value)}>
          <option value="">Choose a cluster</option>
          {others.map((cluster) => (
            <option key={cluster.name} value={cluster.name}>
              {cluster.label ? `${cluster.name} (${cluster.label})` : cluster.name}
            </option>
          ))}
        </select>
      </div>
      {readError !== null && <QueryErrorAlert error={readError} onRetry={() => void compare(source)} />}
      {state.status === 'refused' && (
        <ul role="alert" className="alert error" aria-label="Rules of the other cluster that cannot be copied">
          {state.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      {state.status === 'loading' && (
        <p className="muted" aria-busy="true">
          Comparing {source}’s rules with {here}’s…
        </p>
      )}
      {state.status === 'error' && <QueryErrorAlert error={state.error} onRetry={importer.replan} />}
      {state.status === 'ready' && (
        <ImportPlanSection
          fileName={`${source} → ${here}`}
          plan={state.plan}
          impact={state.impact}
          apply={{
            ...apply,
            run: (entries, selected, author, comment) =>
              apply.run(entries, selected, author, copyComment(source, comment)),
          }}
          onApplied={importer.replan}
        />
      )}
      {apply.state.status === 'done' && <ApplySummaryView summary={apply.state.summary} />}
    </section>
  );
}
