import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { AuditEntry } from '../../api/history.ts';
import type { RuleListResult } from '../../api/rules.ts';
import { NO_RETENTION_INTERVALS, type RetentionIntervals } from '../../api/rules-segments.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatInterval } from '../../druid/interval.ts';
import { lintRules } from '../../druid/rule-lints.ts';
import { DEFAULT_RULES_KEY, DEFAULT_TIER, parseRules, type Rule } from '../../druid/rules.ts';
import { defaultRulesConfirmation, useConfirmedSave } from './default-rules-confirmation.tsx';
import { DefaultRulesImpactView } from './default-rules-impact-view.tsx';
import { DefaultRulesSection } from './default-rules-section.tsx';
import { retentionChangeSentences } from './retention-change-summary.tsx';
import { RetentionPanel } from './retention-panel.tsx';
import { newRuleForm, type RulesFormValues, ruleToForm } from './rule-form-model.ts';
import { checkRules, parseRulesJsonText, rulesFormSchema, rulesJsonText } from './rule-form-validation.ts';
import { DraftOffer, RestoreBanner } from './rules-banners.tsx';
import { formFingerprint, rulesFingerprint } from './rules-compare.ts';
import { clearDraft, type RulesDraft } from './rules-draft-storage.ts';
import { type EditorTab, RulesEditorTabs } from './rules-editor-tabs.tsx';
import { RulesFormApiProvider } from './rules-form-context.tsx';
import { RulesFormPanel } from './rules-form-panel.tsx';
import { RulesJsonEditor } from './rules-json-editor.tsx';
import { RulesSaveBar } from './rules-save-bar.tsx';
import { SaveRulesDialog } from './save-rules-dialog.tsx';
import { useDefaultRulesImpact } from './use-default-rules-impact.ts';
import { useEffectiveRetention } from './use-effective-retention.ts';
import { useLeaveGuard } from './use-leave-guard.tsx';
import { useNow } from './use-now.ts';
import { useRulesDraft } from './use-rules-draft.ts';
import { useSaveFlow } from './use-save-flow.ts';

export interface RulesEditorProps {
  dataSource: string;
  /** The server's rules when the page loaded (kept fresh by the query). */
  saved: RuleListResult;
  defaultRules: readonly Rule[];
  /** Tiers with servers, or null when unknown. */
  tiers: readonly string[] | null;
  segments: { data: RetentionIntervals | undefined; isPending: boolean; error: unknown; refetch: () => void };
  restore: { auditTime: string; entry: AuditEntry; rules: Rule[] } | null;
  /** Unsaved edits found in this browser, to offer back. */
  draft: RulesDraft | null;
}

const NO_RULES: Rule[] = [];

/** The form, JSON tab, effective retention and save flow of one rule list. */
export function RulesEditor({ dataSource, saved, defaultRules, tiers, segments, restore, draft }: RulesEditorProps) {
  const isDefault = dataSource === DEFAULT_RULES_KEY;
  const tiersListId = useId();
  const now = useNow();
  const [base, setBase] = useState<Rule[]>(saved.rules);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(restore?.auditTime ?? null);
  // Kept here: the page drops `?restore=` from the URL once the editor holds the entry.
  const [restoreEntry] = useState(restore);
  const [offer, setOffer] = useState<RulesDraft | null>(restore ? null : draft);
  const [tab, setTab] = useState<EditorTab>(saved.error ? 'json' : 'form');
  const [jsonText, setJsonText] = useState(() => (saved.error ? JSON.stringify(saved.raw, null, 2) : ''));
  const [jsonError, setJsonError] = useState<string | null>(saved.error);
  const [saveErrors, setSaveErrors] = useState<string[] | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [saveCount, setSaveCount] = useState(0);

  const form = useForm<RulesFormValues>({
    defaultValues: { rules: (restore?.rules ?? saved.rules).map(ruleToForm) },
    resolver: zodResolver(rulesFormSchema),
    mode: 'onChange',
  });
  const { fields, move, insert, remove, append, replace } = useFieldArray({ control: form.control, name: 'rules' });
  const values = useWatch({ control: form.control, name: 'rules' }) ?? [];
  const valuesKey = JSON.stringify(values);
  const fingerprint = formFingerprint(values);
  const baseFingerprint = useMemo(() => rulesFingerprint(base), [base]);
  // Text in the JSON tab that does not parse is an unsaved edit too (it is not in the form yet).
  const dirty = fingerprint !== baseFingerprint || (tab === 'json' && jsonError !== null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: valuesKey stands for the values
  const check = useMemo(() => checkRules(values, dataSource), [valuesKey, dataSource]);

  const resetTo = (rules: Rule[], nextBase: Rule[] = rules) => {
    setBase(nextBase);
    form.reset({ rules: rules.map(ruleToForm) });
    setJsonText(rulesJsonText(rules.map(ruleToForm)));
    setJsonError(null);
    setSaveErrors(null);
  };

  // Follow the server while there is nothing unsaved; with edits, a change is caught when saving.
  const savedFingerprint = saved.error ? null : rulesFingerprint(saved.rules);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new server version matters
  useEffect(() => {
    if (savedFingerprint === null || offer || restoredFrom || dirty || savedFingerprint === baseFingerprint) return;
    resetTo(saved.rules);
  }, [savedFingerprint]);

  useRulesDraft({ dataSource, values, fingerprint, dirty, base, restoredFrom, enabled: offer === null });
  const flow = useSaveFlow({
    dataSource,
    base,
    onSaved: (rules) => {
      resetTo(rules);
      setRestoredFrom(null);
      clearDraft(dataSource);
      setSaveCount((count) => count + 1);
    },
  });
  const leaveDialog = useLeaveGuard(dirty && !flow.mutation.isPending, `Your edits to the rules of ${dataSource}`);

  const view = useEffectiveRetention({
    edited: check.ok ? check.rules : null,
    saved: base,
    defaultRules,
    isDefault,
    segments: segments.data,
    now,
  });
  const impact = useDefaultRulesImpact({ enabled: isDefault, before: base, after: check.ok ? check.rules : null, now });
  // Saving waits until the impact is of the rules being saved (it follows edits a render late).
  const impactCurrent = impact.status !== 'ready' || impact.rules === (check.ok ? check.rules : null);
  // The defaults' drops and unmatched segments, summed over every datasource that falls back to them.
  const defaultsRetention = impact.status === 'ready' ? impact.impact.retention : undefined;
  const confirmation = isDefault ? defaultRulesConfirmation(impact) : null;
  const confirmed = useConfirmedSave(flow, confirmation);
  const lintSource = values.length === 0 ? NO_RULES : view.invalid ? null : view.rules;
  const lints = useMemo(
    () =>
      lintSource
        ? lintRules({
            rules: lintSource,
            isDefault,
            defaultRules: isDefault ? undefined : defaultRules,
            now,
            segments: isDefault ? defaultsRetention && NO_RETENTION_INTERVALS : segments.data,
            // The preview's own result for the same rules, so a big datasource is evaluated once per edit.
            retention: isDefault ? defaultsRetention : lintSource === view.rules ? view.edited : undefined,
            tiers: tiers ?? undefined,
          })
        : [],
    [lintSource, isDefault, defaultRules, now, segments.data, tiers, view.rules, view.edited, defaultsRetention],
  );

  const defaultTier = tiers && tiers.length > 0 && !tiers.includes(DEFAULT_TIER) ? (tiers[0] as string) : DEFAULT_TIER;
  const context = useMemo(
    () => ({
      now,
      tiersListId,
      knownTiers: tiers ?? [],
      intervalPresets: segments.data?.range
        ? [{ label: 'Whole datasource', interval: formatInterval(segments.data.range) }]
        : [],
    }),
    [now, tiersListId, tiers, segments.data],
  );
  // Stable, so the memoized cards do not re-render for new closures (the field-array methods are stable).
  const { getValues } = form;
  const actions = useMemo(
    () => ({
      move: (from: number, to: number) => to >= 0 && to < getValues('rules').length && move(from, to),
      duplicate: (index: number) => insert(index + 1, structuredClone(getValues(`rules.${index}`))),
      remove: (index: number) => remove(index),
    }),
    [getValues, move, insert, remove],
  );
  const idsKey = fields.map((field) => field.id).join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: idsKey stands for the ids
  const ids = useMemo(() => fields.map((field) => field.id), [idsKey]);

  const selectTab = (next: EditorTab) => {
    if (next === tab) return;
    if (next === 'json') {
      setJsonText(rulesJsonText(form.getValues('rules')));
      setJsonError(null);
      setTab('json');
    } else if (!jsonError) setTab('form');
    else setSaveErrors([`${jsonError} Fix the JSON before switching to the form.`]);
  };

  const onJsonChange = (text: string) => {
    setJsonText(text);
    const parsed = parseRulesJsonText(text);
    setJsonError(parsed.ok ? null : parsed.error);
    if (parsed.ok) {
      replace(parsed.values);
      setSaveErrors(null);
    }
  };

  const onSave = async () => {
    if (tab === 'json' && jsonError) return setSaveErrors([jsonError]);
    const result = checkRules(form.getValues('rules'), dataSource);
    if (!result.ok) {
      setSaveErrors(result.errors);
      await form.trigger();
      return;
    }
    setSaveErrors(null);
    flow.start();
  };

  return (
    <RulesFormApiProvider form={form}>
      <div className="rules-editor-layout">
        <div className="rules-editor-main stack">
          {offer && (
            <DraftOffer
              draft={offer}
              serverChanged={
                savedFingerprint !== null &&
                rulesFingerprint(parsedOr(offer.baseRules, saved.rules)) !== savedFingerprint
              }
              onRestore={() => {
                setBase(parsedOr(offer.baseRules, saved.rules));
                form.reset({ rules: offer.rules });
                setRestoredFrom(offer.restoredFrom);
                setOffer(null);
                setTab('form');
              }}
              onDiscard={() => {
                clearDraft(dataSource);
                setOffer(null);
              }}
            />
          )}
          {restoredFrom && (
            <RestoreBanner
              auditTime={restoredFrom}
              entry={restoreEntry?.auditTime === restoredFrom ? restoreEntry.entry : null}
              onCancel={() => {
                setRestoredFrom(null);
                resetTo(base);
              }}
            />
          )}
          {isDefault && (
            <p className="muted">
              Cluster-wide defaults: Druid applies them to every datasource after its own rules (first match wins). They
              cannot be empty.
            </p>
          )}
          <RulesEditorTabs tab={tab} onSelect={selectTab}>
            {tab === 'form' ? (
              <RulesFormPanel
                ids={ids}
                values={values}
                errors={form.formState.errors.rules}
                isDefault={isDefault}
                lints={lints}
                context={context}
                actions={actions}
                onAdd={() =>
                  append(newRuleForm('loadForever', defaultTier), { focusName: `rules.${fields.length}.type` })
                }
              />
            ) : (
              <RulesJsonEditor text={jsonText} error={jsonError} onChange={onJsonChange} />
            )}
          </RulesEditorTabs>
          <RulesSaveBar
            dataSource={dataSource}
            dirty={dirty}
            errors={saveErrors}
            onSave={onSave}
            onDiscard={() => setConfirmDiscard(true)}
          />
          {!isDefault && <DefaultRulesSection rules={defaultRules} />}
        </div>
        <aside className="rules-editor-side" aria-label="Effective retention">
          <RetentionPanel
            view={view}
            isDefault={isDefault}
            dirty={dirty}
            now={now}
            segmentsStatus={segments}
            defaultsImpact={<DefaultRulesImpactView state={impact} />}
          />
        </aside>
      </div>
      <datalist id={tiersListId}>
        {(tiers ?? []).map((tier) => (
          <option key={tier} value={tier} />
        ))}
      </datalist>
      <SaveRulesDialog
        key={saveCount}
        flow={confirmed.flow}
        dataSource={dataSource}
        base={base}
        edited={check.ok ? check.rules : NO_RULES}
        effects={isDefault ? [] : retentionChangeSentences(view.change)}
        impact={isDefault ? <DefaultRulesImpactView state={impact} /> : undefined}
        waiting={isDefault && (impact.status === 'loading' || !impactCurrent)}
        confirmationFollows={confirmation !== null}
        initialComment={restoredFrom ? `Restore rules of ${restoredFrom}` : ''}
        onLoadServerVersion={(server) => {
          clearDraft(dataSource);
          setRestoredFrom(null);
          if (server) resetTo(server);
          else window.location.reload();
        }}
      />
      <ConfirmDialog
        open={confirmDiscard}
        title="Discard your edits?"
        confirmLabel="Discard edits"
        destructive
        onCancel={() => setConfirmDiscard(false)}
        onConfirm={() => {
          setConfirmDiscard(false);
          setRestoredFrom(null);
          resetTo(base);
          clearDraft(dataSource);
        }}
      >
        <p>The form goes back to the rules saved on the server; the draft kept in this browser is deleted.</p>
      </ConfirmDialog>
      {confirmed.dialog}
      {leaveDialog}
    </RulesFormApiProvider>
  );
}

function parsedOr(json: unknown[], fallback: Rule[]): Rule[] {
  const parsed = parseRules(json);
  return parsed.ok ? parsed.rules : fallback;
}
