import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { phaseOf } from './convergence-model.ts';
import { phaseSentence } from './convergence-progress.tsx';
import { forgetFinishedChanges, useTrackedChanges } from './convergence-store.ts';
import { useConvergenceWatch } from './use-convergence-watch.ts';
import './convergence.css';

/**
 * The header's reminder of rule changes being applied: it follows them whatever the page (it owns the polling) and
 * lists each with where it stands; finished ones stay until cleared, so "applied in 40 s" is not missed.
 */
export function ConvergenceIndicator() {
  useConvergenceWatch();
  const changes = useTrackedChanges();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  // A press anywhere else closes the list, as any popover does (the nav links among them).
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  if (changes.length === 0) return null;
  const converging = changes.filter((change) => change.finishedAt === null).length;
  const label =
    converging > 0
      ? `${converging} rule change${converging === 1 ? '' : 's'} converging`
      : `Rule change${changes.length === 1 ? '' : 's'} applied`;
  return (
    <div className="convergence-indicator" ref={root}>
      <button
        type="button"
        className={`ghost ${converging > 0 ? 'is-converging' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {converging > 0 && <span className="convergence-spinner" aria-hidden="true" />}
        {label}
      </button>
      {open && (
        <section
          id={panelId}
          className="convergence-panel card"
          aria-label="Rule changes being applied"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <ul className="plain-list">
            {changes.map((change) => (
              <li key={change.id} data-phase={phaseOf(change)}>
                <Link href={`/rules/${encodeURIComponent(change.dataSource)}`} onClick={() => setOpen(false)}>
                  {change.dataSource}
                </Link>{' '}
                <span className="muted">({change.label})</span>
                <div>{phaseSentence(change)}</div>
              </li>
            ))}
          </ul>
          {converging < changes.length && (
            <button type="button" className="compact" onClick={forgetFinishedChanges}>
              Clear finished
            </button>
          )}
        </section>
      )}
    </div>
  );
}
