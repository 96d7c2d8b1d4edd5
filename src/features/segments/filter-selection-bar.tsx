import { useCanWrite } from '../../api/write-permissions.ts';
import { type PredicatePlan, planPredicate } from './bulk-predicate.ts';
import type { BulkAction } from './bulk-runner.ts';
import type { SegmentFilters } from './segment-filters.ts';
import { BlockedNote } from './selection-bar.tsx';

interface FilterSelectionBarProps {
  dataSource: string;
  /** The filters held as the selection (not the IDs they match). */
  filters: SegmentFilters;
  onMark: (plan: PredicatePlan & { ok: true }) => void;
  onClear: () => void;
  /** Why nothing may be marked now (the filters on screen are not applied), or null. */
  blockedReason?: string | null;
}

function describeFilters(filters: SegmentFilters): string {
  const parts = [filters.states.length > 0 ? filters.states.join(' or ') : 'any state'];
  if (filters.interval)
    parts.push(`${filters.match === 'contained' ? 'fully inside' : 'overlapping'} ${filters.interval}`);
  if (filters.version) parts.push(`version ${filters.version}`);
  if (filters.idText) parts.push(`ID containing "${filters.idText}"`);
  return parts.join(', ');
}

/** "All matching in the datasource" as a filter: each action becomes one Druid predicate, or says why it cannot. */
export function FilterSelectionBar(props: FilterSelectionBarProps) {
  const { dataSource, filters, onMark, onClear, blockedReason } = props;
  const writable = useCanWrite(dataSource);
  const plans: Array<[BulkAction, string, PredicatePlan]> = [
    ['markUsed', 'Mark used…', planPredicate('markUsed', filters)],
    ['markUnused', 'Mark unused…', planPredicate('markUnused', filters)],
  ];
  return (
    <section className="selection-bar" aria-label="Selection">
      <p className="selection-bar-count" role="status">
        <strong>All segments of the datasource matching the filters selected</strong>{' '}
        <span className="muted">({describeFilters(filters)}; counted exactly before anything changes)</span>
      </p>
      <div className="row">
        {plans.map(([action, label, plan]) => (
          <button
            key={action}
            type="button"
            className={action === 'markUsed' ? 'primary' : 'danger'}
            disabled={!writable || !plan.ok || Boolean(blockedReason)}
            onClick={() => plan.ok && !blockedReason && onMark(plan)}
          >
            {label}
          </button>
        ))}
        <button type="button" className="ghost" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {blockedReason && <BlockedNote reason={blockedReason} />}
      {plans.map(([action, , plan]) =>
        plan.ok ? null : (
          <p key={action} className="muted">
            {action === 'markUsed' ? 'Mark used' : 'Mark unused'}: {plan.reason}
          </p>
        ),
      )}
    </section>
  );
}
