import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useCanWrite } from '../../api/write-permissions.ts';
import { dataSourceHref } from './datasource-path.ts';
import { MarkAllDialog } from './mark-all-dialog.tsx';
import { MarkIntervalDialog } from './mark-interval-dialog.tsx';

type Open = { kind: 'all' | 'interval'; used: boolean } | null;

const ITEMS: Array<{ label: string; open: NonNullable<Open> }> = [
  { label: 'Mark all used…', open: { kind: 'all', used: true } },
  { label: 'Mark all unused…', open: { kind: 'all', used: false } },
  { label: 'Mark used by interval…', open: { kind: 'interval', used: true } },
  { label: 'Mark unused by interval…', open: { kind: 'interval', used: false } },
];

interface DataSourceActionsProps {
  dataSource: string;
  /** Unused segments, when known (null while counting: the kill view counts them itself). */
  unusedCount?: number | null;
}

/**
 * Kill stays in the menu when there is nothing to kill, disabled with the reason: the menu keeps one shape, and the
 * operator learns both where kill lives and why it is off, instead of wondering where it went.
 */
function KillItem({ dataSource, unusedCount }: DataSourceActionsProps) {
  const id = useId();
  if (unusedCount === 0)
    return (
      <>
        <button type="button" className="ghost" disabled aria-describedby={`${id}-why`}>
          Kill unused segments…
        </button>
        <span id={`${id}-why`} className="datasource-actions-note">
          No unused segments to kill
        </span>
      </>
    );
  return (
    <Link className="button ghost" href={dataSourceHref('kill', dataSource)}>
      Kill unused segments…
    </Link>
  );
}

/** Under the toggle, right edges aligned, or above it when the screen has no room below. */
function placeMenu(menu: HTMLElement, toggle: HTMLElement) {
  const box = toggle.getBoundingClientRect();
  const size = menu.getBoundingClientRect();
  const below = box.bottom + 4;
  const fits = below + size.height <= window.innerHeight - 8;
  menu.style.top = `${fits ? below : Math.max(8, box.top - 4 - size.height)}px`;
  menu.style.left = `${Math.max(8, box.right - size.width)}px`;
}

/**
 * The open state of a popover menu (the browser's `popover`, shown by its `popovertarget` toggle): in the top layer it
 * is never clipped by the virtual table's contained rows, and the browser gives it Escape, light dismiss and focus
 * order (Tab from the toggle goes into the menu). Scrolling closes it rather than leave it floating off its row.
 */
function usePopoverMenu(toggleRef: RefObject<HTMLButtonElement | null>) {
  const menuRef = useRef<HTMLUListElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const onToggle = (event: Event) => {
      const open = (event as ToggleEvent).newState === 'open';
      setMenuOpen(open);
      if (open && toggleRef.current) placeMenu(menu, toggleRef.current);
    };
    menu.addEventListener('toggle', onToggle);
    return () => menu.removeEventListener('toggle', onToggle);
  }, [toggleRef]);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) menuRef.current?.hidePopover();
    };
    window.addEventListener('scroll', close, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', close, { capture: true });
  }, [menuOpen]);
  const hide = () => menuRef.current?.hidePopover();
  return { menuRef, menuOpen, hide };
}

/** The datasource-level actions: a menu of buttons, each opening a confirmation that states the count. */
export function DataSourceActions({ dataSource, unusedCount = null }: DataSourceActionsProps) {
  const id = useId();
  const [open, setOpen] = useState<Open>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { menuRef, menuOpen, hide } = usePopoverMenu(toggleRef);
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
  const menuId = `${id}-menu`;
  const [, navigate] = useLocation();
  return (
    <div className="datasource-actions">
      <button
        ref={toggleRef}
        type="button"
        className="compact"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        aria-label={`Actions for ${dataSource}`}
        disabled={!writable}
        title={writable ? undefined : `You may read but not change ${dataSource}`}
        popoverTarget={menuId}
      >
        Actions ▾
      </button>
      <ul ref={menuRef} id={menuId} className="datasource-actions-menu" popover="auto">
        {ITEMS.map((item) => (
          <li key={item.label}>
            <button
              type="button"
              className="ghost"
              onClick={() => {
                hide();
                setOpen(item.open);
              }}
            >
              {item.label}
            </button>
          </li>
        ))}
        <li>
          <KillItem dataSource={dataSource} unusedCount={unusedCount} />
        </li>
        <li>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              hide();
              navigate(`/retire/${encodeURIComponent(dataSource)}`);
            }}
          >
            Retire datasource…
          </button>
        </li>
      </ul>
      {open?.kind === 'all' && <MarkAllDialog dataSource={dataSource} used={open.used} onClose={close} />}
      {open?.kind === 'interval' && <MarkIntervalDialog dataSource={dataSource} used={open.used} onClose={close} />}
    </div>
  );
}
