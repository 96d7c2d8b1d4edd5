import type { RetireFacts } from '../../api/retire-facts.ts';
import { formatCountOf } from '../../components/format.ts';
import type { RetireStepStatus } from './retire-steps.ts';

interface Check {
  gone: boolean;
  text: string;
}

/** Each list an operator or a tool finds datasources in, and whether this one is still there. */
export function retireChecks(dataSource: string, facts: RetireFacts): Check[] {
  const ruleCount = facts.ownRules.raw.length;
  return [
    {
      gone: !facts.inMetadata,
      text: facts.inMetadata
        ? `Still in the metadata store (metadata/datasources?includeUnused): segments of ${dataSource} remain.`
        : 'Not in the metadata store (metadata/datasources?includeUnused).',
    },
    {
      gone: !facts.inServed,
      text: facts.inServed
        ? 'Still in the served datasources (datasources): the Coordinator has not unloaded it yet.'
        : 'Not in the served datasources (datasources).',
    },
    {
      gone: ruleCount === 0,
      text:
        ruleCount === 0
          ? 'No rules of its own (rules): Druid keeps only an empty list, which means the defaults.'
          : `${formatCountOf(ruleCount, 'rule')} of its own (rules).`,
    },
  ];
}

interface CheckStepProps {
  dataSource: string;
  facts: RetireFacts;
  status: RetireStepStatus;
  checking: boolean;
  onCheck: () => void;
}

/** Step 4: read every list again; the retirement ends when the datasource is in none of them. */
export function CheckStep({ dataSource, facts, status, checking, onCheck }: CheckStepProps) {
  const checks = retireChecks(dataSource, facts);
  return (
    <>
      <ul className="plain-list" aria-label={`Where ${dataSource} is listed`}>
        {checks.map((check) => (
          <li key={check.text} className={check.gone ? 'retire-check-gone' : 'retire-check-left'}>
            <span aria-hidden="true">{check.gone ? '✓ ' : '✗ '}</span>
            {check.text}
          </li>
        ))}
      </ul>
      {status === 'done' && (
        <p className="alert info" role="status">
          <strong>{dataSource} is retired:</strong> gone from every list. Its rules history stays in Druid’s audit log;
          supervisors and compaction configs, if any, are not touched by this flow.
        </p>
      )}
      {status !== 'later' && (
        <div className="row">
          <button type="button" onClick={onCheck} disabled={checking} aria-busy={checking}>
            Check again
          </button>
        </div>
      )}
    </>
  );
}
