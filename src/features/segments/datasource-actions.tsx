import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useCanWrite } from '../../api/write-permissions.ts';
import { MarkAllDialog } from './mark-all-dialog.tsx';
import { MarkIntervalDialog } from './mark-interval-dialog.tsx';

type Open = { kind: 'all' | 'interval'; used: boolean } | null;

const ITEMS: Array<{ label: string; open: NonNullable<Open> }> = [
  { label: 'Mark all used…', open: { kind: 'all', used: true } },
  { label: 'Mark all unused…', open: { kind: 'all', used: false } },
  { label: 'Mark used by interval…', open: { kind: 'interval', used: true } },
  { label: 'Mark unused by interval…', open: { kind: 'interval', used: false } },
];

/** The datasource-level actions: a disclosure of buttons, each opening a confirmation that states the count. */
export function DataSourceActions({ dataSource }: { dataSource: string }) {
  const id = useId();
  const [open, setOpen] = useState<Open>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const hadDialog = useRef(false);
  // Back to the toggle once the modal dialog is gone (while it is open, the rest of the page is inert).
  useEffect(() => {
    if (open !== null) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      toggleRef.current?.focus();
    }
  }, [open]);
  const close = () => setOpen(null);
  const writable = useCanWrite(dataSource);
  const [, navigate] = useLocation();
  return (
    <div className="datasource-actions">
      <button
        ref={toggleRef}
        type="button"
        className="compact"
        aria-expanded={menuOpen}
        aria-controls={`${id}-menu`}
        aria-label={`Actions for ${dataSource}`}
        disabled={!writable}
        title={writable ? undefined : `You may read but not change ${dataSource}`}
        onClick={() => setMenuOpen((value) => !value)}
      >
        Actions ▾
      </button>
      {menuOpen && (
        <ul
          id={`${id}-menu`}
          className="datasource-actions-menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setMenuOpen(false);
              toggleRef.current?.focus();
            }
          }}
        >
          {ITEMS.map((item) => (
            <li key={item.label}>
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  setMenuOpen(false);
                  setOpen(item.open);
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="ghost"
              onClick={() => navigate(`/retire/${encodeURIComponent(dataSource)}`)}
            >
              Retire datasource…
            </button>
          </li>
        </ul>
      )}
      {open?.kind === 'all' && <MarkAllDialog dataSource={dataSource} used={open.used} onClose={close} />}
      {open?.kind === 'interval' && <MarkIntervalDialog dataSource={dataSource} used={open.used} onClose={close} />}
    </div>
  );
}
