import { useId } from 'react';
import type { ImportImpact, ImportImpactEntry } from '../../api/rules-import-impact.ts';
import { changedEntries, type PlanEntry, type RulesPlan } from '../../api/rules-import-plan.ts';
import { impactSentences } from '../../api/rules-plan-report.ts';
import { formatCountOf } from '../../components/format.ts';
import { RulesDiffView } from '../../components/rules-diff/rules-diff-view.tsx';

function Effect({ impact }: { impact: ImportImpactEntry | undefined }) {
  if (!impact) return <p className="muted">No effect on the segments Druid serves now.</p>;
  const dropping = impact.change.newlyDropped.count > 0;
  return (
    <ul className={`rules-code-effect${dropping ? ' alert warning' : ''}`} aria-label={`Effect on ${impact.name}`}>
      {impactSentences(impact.change).map((sentence) => (
        <li key={sentence}>{sentence.charAt(0).toUpperCase() + sentence.slice(1)}.</li>
      ))}
    </ul>
  );
}

interface EntryProps {
  entry: PlanEntry;
  impact: ImportImpactEntry | undefined;
  selected: boolean;
  onToggle: (selected: boolean) => void;
}

function PlanEntryCard({ entry, impact, selected, onToggle }: EntryProps) {
  const id = useId();
  return (
    <li className="card stack rules-code-entry" aria-labelledby={`${id}-name`}>
      <div className="row">
        <input id={`${id}-apply`} type="checkbox" checked={selected} onChange={(e) => onToggle(e.target.checked)} />
        <label htmlFor={`${id}-apply`}>
          Apply to <strong id={`${id}-name`}>{entry.name}</strong>
        </label>
        <span className="badge">{entry.status === 'create' ? 'new rules' : 'rules change'}</span>
      </div>
      {entry.beforeError && (
        <p className="field-error">The rules stored now cannot be read here: {entry.beforeError}</p>
      )}
      <RulesDiffView before={entry.before} after={entry.after} label={`Rule changes of ${entry.name}`} />
      <Effect impact={impact} />
    </li>
  );
}

interface ImportPlanViewProps {
  plan: RulesPlan;
  impact: ImportImpact;
  selected: ReadonlySet<string>;
  onToggle: (name: string, selected: boolean) => void;
}

/** Per datasource of the file that changes: the rule diff, its effect, and whether to apply it. */
export function ImportPlanView({ plan, impact, selected, onToggle }: ImportPlanViewProps) {
  const changed = changedEntries(plan);
  const impactOf = new Map(impact.entries.map((entry) => [entry.name, entry]));
  const unchanged = plan.entries.filter((entry) => entry.status === 'unchanged').map((entry) => entry.name);
  const throughDefaults = impact.entries.filter((entry) => !entry.inFile);
  return (
    <div className="stack">
      {changed.length === 0 ? (
        <p>Nothing to apply: the cluster already holds these rules.</p>
      ) : (
        <ul className="plain-list stack" aria-label="Changes to apply">
          {changed.map((entry) => (
            <PlanEntryCard
              key={entry.name}
              entry={entry}
              impact={impactOf.get(entry.name)}
              selected={selected.has(entry.name)}
              onToggle={(value) => onToggle(entry.name, value)}
            />
          ))}
        </ul>
      )}
      {throughDefaults.length > 0 && (
        <section className="stack" aria-labelledby="rules-code-defaults-reach">
          <h3 id="rules-code-defaults-reach">Datasources reached through the new defaults</h3>
          <ul>
            {throughDefaults.map((entry) => (
              <li key={entry.name}>
                {entry.name}: {impactSentences(entry.change).join('; ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {impact.unknown.length > 0 && (
        <p className="alert warning">
          Effect unknown for {impact.unknown.join(', ')}: their stored rules cannot be read here.
        </p>
      )}
      <p className="muted">
        {unchanged.length > 0 && `Unchanged, not sent: ${unchanged.join(', ')}. `}
        {plan.notInFile.length > 0 &&
          `${formatCountOf(plan.notInFile.length, 'datasource')} with rules not in the file ${plan.notInFile.length === 1 ? 'is' : 'are'} left as ${plan.notInFile.length === 1 ? 'it is' : 'they are'}.`}
      </p>
    </div>
  );
}
