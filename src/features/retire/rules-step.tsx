import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { RetireFacts } from '../../api/retire-facts.ts';
import { defaultRulesQueryOptions, saveRules } from '../../api/rules.ts';
import { AuditCommentField, auditCommentProblem } from '../../components/audit-comment-field.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCountOf } from '../../components/format.ts';
import { AuditAuthorField } from '../../components/operator-settings/audit-author-field.tsx';
import { useAuditAuthorField } from '../../components/operator-settings/use-audit-author-field.ts';
import { RuleList } from '../../components/rules/rule-summary.tsx';
import { toast } from '../../components/toast.ts';
import { ruleAction } from '../../druid/rule-matching.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import type { RetireStepStatus } from './retire-steps.ts';

interface RulesStepProps {
  dataSource: string;
  facts: RetireFacts;
  status: RetireStepStatus;
  onDone: () => Promise<unknown>;
}

/** Step 1: the datasource's own rules replaced by none (`[]`), so only the cluster's defaults would apply. */
export function RulesStep({ dataSource, facts, status, onDone }: RulesStepProps) {
  const [open, setOpen] = useState(false);
  const { rules, raw, error } = facts.ownRules;
  if (status === 'done')
    return (
      <p>
        {dataSource} has no rules of its own: the cluster’s default rules apply, as to any name Druid does not know.
      </p>
    );
  return (
    <>
      <p>
        The console sets the rules to <strong>none</strong> (<code>[]</code>, Druid’s way of saying “use the defaults”)
        rather than a <em>drop forever</em> rule. Druid keeps a datasource’s rules after its segments are gone; a drop
        forever left behind would silently drop the data of any datasource ingested later under this name, while{' '}
        <code>[]</code> leaves nothing behind. Segments stay served until step 2 marks them unused.
      </p>
      {error ? (
        <p className="muted">
          {formatCountOf(raw.length, 'rule')} this console cannot read ({error}).
        </p>
      ) : (
        <RuleList rules={rules} label={`Rules of ${dataSource}`} />
      )}
      {status === 'current' && (
        <div className="row">
          <button type="button" className="primary" onClick={() => setOpen(true)}>
            Set {dataSource} to the default rules…
          </button>
        </div>
      )}
      <ClearRulesDialog
        dataSource={dataSource}
        ruleCount={raw.length}
        dropsData={rules.some((rule) => ruleAction(rule) === 'drop')}
        open={open}
        onClose={() => setOpen(false)}
        onDone={onDone}
      />
    </>
  );
}

interface ClearRulesDialogProps {
  dataSource: string;
  ruleCount: number;
  /** Its own rules drop some of its data today: the defaults may load it again until step 2. */
  dropsData: boolean;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}

function ClearRulesDialog({ dataSource, ruleCount, dropsData, open, onClose, onDone }: ClearRulesDialogProps) {
  const id = useId();
  const author = useAuditAuthorField(open);
  const [comment, setComment] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: { author: string; comment: string }) => saveRules({ dataSource, rules: [], ...input }),
    onSuccess: async () => {
      toast.success(`Rules of ${dataSource} set to the defaults`);
      await onDone();
      onClose();
    },
  });
  const { reset } = save;
  useEffect(() => {
    if (!open) return;
    setComment(`Retiring ${dataSource}`);
    setNameError(null);
    reset();
  }, [open, dataSource, reset]);
  const defaults = useQuery({ ...defaultRulesQueryOptions(), enabled: open });
  const commentProblem = auditCommentProblem(comment, 'Say why.');
  return (
    <ConfirmDialog
      open={open}
      title={`Remove the rules of ${dataSource}?`}
      confirmLabel={`Replace ${formatCountOf(ruleCount, 'rule')} with none`}
      pending={save.isPending}
      error={save.error}
      confirmDisabled={commentProblem !== undefined}
      onCancel={onClose}
      onConfirm={() => {
        const problem = author.problem();
        setNameError(problem);
        if (problem === null) save.mutate({ author: author.commit(), comment: comment.trim() });
      }}
    >
      <p>
        The {formatCountOf(ruleCount, 'rule')} of <strong>{dataSource}</strong> are replaced by <code>[]</code>: the
        cluster’s default rules apply to its segments until they are marked unused. Druid records the change in the
        rules history, where “Restore this version” brings the rules back.
      </p>
      {dropsData && loads(defaults.data?.rules) && (
        <p className="alert warning" role="note">
          The rules of {dataSource} drop some of its data today; the defaults load. Until step 2 marks every segment
          unused, the Coordinator may load that data again: go on to step 2 right away.
        </p>
      )}
      {defaults.data && (
        <RuleList
          rules={defaults.data.rules}
          source="default"
          label="Default rules"
          emptyText="The cluster has no default rules."
        />
      )}
      <AuditCommentField id={`${id}-comment`} value={comment} onChange={setComment} error={commentProblem} />
      <AuditAuthorField field={author} id={`${id}-name`} error={nameError} />
    </ConfirmDialog>
  );
}

const loads = (rules: readonly Rule[] | undefined) => rules?.some((rule) => ruleAction(rule) === 'load') ?? false;
