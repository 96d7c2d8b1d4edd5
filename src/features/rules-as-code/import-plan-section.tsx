import { useEffect, useState } from 'react';
import type { LoadedPlan } from '../../api/rules-import.ts';
import { changedEntries } from '../../api/rules-import-plan.ts';
import { planDocument } from '../../api/rules-plan-report.ts';
import { downloadFile } from '../../components/download-file.ts';
import { formatCountOf } from '../../components/format.ts';
import { ApplyImportDialog } from './apply-import-dialog.tsx';
import { ImportPlanView } from './import-plan-view.tsx';
import type { useApplyImport } from './use-apply-import.ts';

interface ImportPlanSectionProps extends LoadedPlan {
  fileName: string;
  apply: ReturnType<typeof useApplyImport>;
  /** After an apply: plan the same file again against the cluster as it is now. */
  onApplied: () => void;
}

/** The plan of one file: download it, choose what to apply (every change at first), apply with confirmation. */
export function ImportPlanSection({ fileName, plan, impact, apply, onApplied }: ImportPlanSectionProps) {
  const changed = changedEntries(plan);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    setSelected(new Set(changedEntries(plan).map((entry) => entry.name)));
  }, [plan]);
  const chosen = changed.filter((entry) => selected.has(entry.name));
  const all = chosen.length === changed.length;

  return (
    <section className="stack" aria-labelledby="rules-code-plan">
      <div className="row rules-code-plan-header">
        <h3 id="rules-code-plan">Plan for {fileName}</h3>
        <button
          type="button"
          onClick={() =>
            downloadFile(
              `${fileName.replace(/\.(json|ya?ml)$/i, '')}-plan.json`,
              `${JSON.stringify(planDocument(plan, impact), null, 2)}\n`,
              'application/json',
            )
          }
        >
          Download plan (JSON)
        </button>
        <button
          type="button"
          disabled={changed.length === 0}
          onClick={() => setSelected(new Set(all ? [] : changed.map((entry) => entry.name)))}
        >
          {all ? 'Select none' : 'Select all'}
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
          Apply {formatCountOf(chosen.length, 'selected change')}…
        </button>
      </div>
      <ImportPlanView
        plan={plan}
        impact={impact}
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
        impact={impact}
        state={apply.state}
        onCancel={() => setConfirming(false)}
        onApply={async (author, comment) => {
          await apply.run(plan.entries, selected, author, comment);
          setConfirming(false);
          onApplied();
        }}
      />
    </section>
  );
}
