import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { defaultRulesQueryOptions, rulesOfQueryOptions } from '../../api/rules.ts';
import { restoreEntryQueryOptions } from '../../api/rules-restore.ts';
import { retentionIntervalsQueryOptions } from '../../api/rules-segments.ts';
import { tiersQueryOptions } from '../../api/tiers.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { RuleChangeConvergence } from '../../components/convergence/rule-change-convergence.tsx';
import { useDataSourceGate } from '../../components/datasource-not-found.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { DEFAULT_RULES_KEY } from '../../druid/rules.ts';
import { dataSourceFromRoute } from './route-param.ts';
import { formFingerprint, rulesFingerprint } from './rules-compare.ts';
import { clearDraft, readDraft } from './rules-draft-storage.ts';
import { RulesEditor } from './rules-editor.tsx';
import './rules-editor.css';

/** `/rules/:dataSource` (and `/rules/_default`), with `?restore=<auditTime>` from the History view. */
export function RulesEditorPage({ dataSource: param = '' }: { dataSource?: string }) {
  const dataSource = dataSourceFromRoute(param);
  const isDefault = dataSource === DEFAULT_RULES_KEY;
  const [searchParams, setSearchParams] = useSearchParams();
  const restoreTime = searchParams.get('restore');

  const rules = useQuery(rulesOfQueryOptions(dataSource));
  const defaults = useQuery({ ...defaultRulesQueryOptions(), enabled: !isDefault });
  const tiers = useQuery(tiersQueryOptions());
  const segments = useQuery({ ...retentionIntervalsQueryOptions(dataSource), enabled: !isDefault });
  const restore = useQuery({
    ...restoreEntryQueryOptions(dataSource, restoreTime ?? ''),
    enabled: restoreTime !== null,
  });

  const restored = restore.data?.rules.ok
    ? { auditTime: restoreTime ?? '', entry: restore.data.entry, rules: restore.data.rules.rules }
    : null;
  const restoreProblem =
    restore.error ?? (restore.data && !restore.data.rules.ok ? new Error(restore.data.rules.error) : null);
  const waitingForRestore = restoreTime !== null && restore.isPending;
  const ready = rules.data !== undefined && (isDefault || defaults.data !== undefined) && !waitingForRestore;

  // A draft identical to the server's rules has nothing to offer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per datasource, when the rules arrive
  const draft = useMemo(() => {
    if (!rules.data) return null;
    const stored = readDraft(dataSource);
    if (stored && !rules.data.error && formFingerprint(stored.rules) === rulesFingerprint(rules.data.rules)) {
      clearDraft(dataSource);
      return null;
    }
    return stored;
  }, [dataSource, rules.data === undefined]);

  // Once the editor holds the restored rules (and a draft of them), drop the parameter so a reload does not redo it.
  const holdsRestore = ready && restored !== null;
  useEffect(() => {
    if (!holdsRestore) return;
    setSearchParams(
      (params) => {
        params.delete('restore');
        return params;
      },
      { replace: true },
    );
  }, [holdsRestore, setSearchParams]);

  const gate = useDataSourceGate(isDefault ? null : dataSource, 'rules');
  if (gate.page) return gate.page;
  return (
    <section className="rules-editor-page stack">
      <Breadcrumb
        items={[{ label: 'Retention rules', href: '/rules' }, { label: isDefault ? 'Cluster defaults' : dataSource }]}
      />
      <h1>
        {isDefault ? (
          'Default retention rules'
        ) : (
          <>
            Retention rules of <span className="ds-name">{dataSource}</span>
          </>
        )}
      </h1>
      {gate.notice}
      <RuleChangeConvergence dataSource={dataSource} />
      {restoreProblem && (
        <QueryErrorAlert error={restoreProblem} title={`Cannot restore the rules of ${restoreTime}`} />
      )}
      {rules.error && <QueryErrorAlert error={rules.error} onRetry={() => rules.refetch()} />}
      {defaults.error && (
        <QueryErrorAlert error={defaults.error} onRetry={() => defaults.refetch()} title="Default rules unavailable" />
      )}
      {!ready && !rules.error && !defaults.error && (
        <p className="muted" aria-busy="true">
          Loading rules…
        </p>
      )}
      {ready && rules.data && (
        <RulesEditor
          key={dataSource}
          dataSource={dataSource}
          saved={rules.data}
          defaultRules={defaults.data?.rules ?? []}
          tiers={tiers.data ?? null}
          segments={{
            data: segments.data,
            isPending: !isDefault && segments.isPending,
            error: segments.error,
            refetch: () => segments.refetch(),
          }}
          restore={restored}
          draft={draft}
        />
      )}
    </section>
  );
}
