import { useLocation } from 'wouter';
import type { AsOfRow } from '../../api/rules-as-of.ts';
import { HANDED_OVER_PLAN_HREF, handOverRulesFile } from '../../api/rules-plan-handover.ts';
import { downloadFile } from '../../components/download-file.ts';
import { formatCountOf } from '../../components/format.ts';
import { formatIso } from '../../components/format-time.ts';
import { toast } from '../../components/toast.ts';

/** A rules file in the export's shape (`GET /rules`): each row's rules then, exactly as Druid stored them. */
export function asOfRulesFileText(rows: readonly AsOfRow[]): string {
  return `${JSON.stringify(Object.fromEntries(rows.map((row) => [row.key, row.thenJson ?? []])), null, 2)}\n`;
}

export function asOfFileName(time: number, suffix = ''): string {
  return `rules-as-of-${formatIso(time).slice(0, 16).replace(':', '')}${suffix}.json`;
}

interface AsOfActionsProps {
  time: number;
  rows: readonly AsOfRow[];
  changed: readonly AsOfRow[];
  chosen: readonly AsOfRow[];
  onSelectAll: (all: boolean) => void;
}

/**
 * Restoring several datasources goes through the rules-as-code plan: per datasource diff and retention impact,
 * one author and comment, re-read before each POST. Nothing is sent from here.
 */
export function AsOfActions({ time, rows, changed, chosen, onSelectAll }: AsOfActionsProps) {
  const [, navigate] = useLocation();
  const all = chosen.length === changed.length;
  const known = rows.filter((row) => row.status !== 'unknown');

  const reviewAsPlan = () => {
    if (!handOverRulesFile({ fileName: asOfFileName(time), text: asOfRulesFileText(chosen) })) {
      toast.error('The browser refused to keep the rules for the plan; download them as a file instead.');
      return;
    }
    navigate(HANDED_OVER_PLAN_HREF);
  };

  return (
    <div className="row as-of-actions">
      {changed.length > 0 && (
        <>
          <button type="button" onClick={() => onSelectAll(!all)}>
            {all ? 'Select none' : 'Select all'}
          </button>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={reviewAsPlan}>
            Review {formatCountOf(chosen.length, 'selected datasource')} as a plan…
          </button>
          <button
            type="button"
            disabled={chosen.length === 0}
            onClick={() => downloadFile(asOfFileName(time), asOfRulesFileText(chosen), 'application/json')}
          >
            Download selected as a rules file
          </button>
        </>
      )}
      <button
        type="button"
        title={known.length < rows.length ? 'Datasources whose rules then are unknown are left out.' : undefined}
        onClick={() => downloadFile(asOfFileName(time, '-all'), asOfRulesFileText(known), 'application/json')}
      >
        Download all known rules then
      </button>
    </div>
  );
}
