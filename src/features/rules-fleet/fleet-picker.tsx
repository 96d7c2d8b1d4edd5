import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef } from 'react';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { addPick, type FleetRow, namePattern, type QuickPick, toggle } from './fleet-selection.ts';

const ROW_HEIGHT = 32;

interface FleetPickerProps {
  rows: readonly FleetRow[];
  selected: ReadonlySet<string>;
  onSelect: (next: Set<string>) => void;
  pattern: string;
  onPattern: (pattern: string) => void;
}

function rulesNote(row: FleetRow): string {
  if (row.error) return 'rules unreadable: not changed';
  return row.rules.length === 0 ? 'no rules (defaults)' : formatCountOf(row.rules.length, 'rule');
}

/** Pick datasources: a name pattern, quick picks within it, and one checkbox per datasource (virtualised). */
export function FleetPicker({ rows, selected, onSelect, pattern, onPattern }: FleetPickerProps) {
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => rows.filter((row) => namePattern(pattern)(row.name)), [rows, pattern]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    initialRect: { width: 600, height: 320 },
  });
  const pick = (kind: QuickPick) => onSelect(addPick(selected, rows, kind, pattern));

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>1. Datasources</h2>
      <div className="field fleet-pattern">
        <label htmlFor={`${id}-pattern`}>Name pattern</label>
        <input
          id={`${id}-pattern`}
          type="search"
          value={pattern}
          aria-describedby={`${id}-pattern-hint`}
          onChange={(event) => onPattern(event.target.value)}
        />
        <span id={`${id}-pattern-hint`} className="field-hint">
          Part of a name, or * and ? over the whole name (wiki*). The picks below stay within it.
        </span>
      </div>
      <div className="row fleet-picks">
        <button type="button" onClick={() => pick('matching')}>
          Select all {formatCount(shown.length)} matching
        </button>
        <button type="button" onClick={() => pick('usesDefaults')}>
          Select all that use the defaults
        </button>
        <button type="button" onClick={() => pick('noRules')}>
          Select all with no rules
        </button>
        <button type="button" className="ghost" onClick={() => onSelect(new Set())} disabled={selected.size === 0}>
          Clear selection
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {formatCountOf(selected.size, 'datasource')} selected
      </p>
      <div ref={scrollRef} className="fleet-list">
        <ul className="plain-list" aria-label="Datasources to change" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = shown[item.index] as FleetRow;
            return (
              <li key={row.name} className="fleet-list-row" style={{ transform: `translateY(${item.start}px)` }}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.has(row.name)}
                    disabled={row.error !== null}
                    onChange={() => onSelect(toggle(selected, row.name))}
                  />{' '}
                  <span className="fleet-name">{row.name}</span>
                </label>
                <span className="muted">{rulesNote(row)}</span>
              </li>
            );
          })}
        </ul>
        {shown.length === 0 && <p className="muted">No datasource matches “{pattern}”.</p>}
      </div>
    </section>
  );
}
