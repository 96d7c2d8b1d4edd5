import { type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';

interface IntervalPopoverProps {
  id: string;
  label: string;
  open: boolean;
  /** The field row the popover hangs under; focus goes back to `returnFocus` when it closes. */
  anchor: RefObject<HTMLElement | null>;
  returnFocus: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
}

const GAP = 4;
const MARGIN = 8;

/** Under the anchor, or above it when there is no room below; kept inside the viewport. */
function place(dialog: HTMLDialogElement, anchor: HTMLElement) {
  const box = anchor.getBoundingClientRect();
  const { innerWidth: width, innerHeight: height } = window;
  const size = dialog.getBoundingClientRect();
  const left = Math.max(MARGIN, Math.min(box.left, width - size.width - MARGIN));
  const below = box.bottom + GAP;
  const top =
    below + size.height <= height - MARGIN || box.top - GAP - size.height < MARGIN
      ? Math.max(MARGIN, Math.min(below, height - size.height - MARGIN))
      : box.top - GAP - size.height;
  dialog.style.left = `${left}px`;
  dialog.style.top = `${top}px`;
}

/**
 * The calendar and presets in a native modal <dialog> placed like a popover: the browser traps focus and makes the
 * page inert (also inside another modal dialog, where it stacks on top), Escape closes it, a click outside closes
 * it, and focus returns to the button that opened it.
 */
export function IntervalPopover({ id, label, open, anchor, returnFocus, onClose, children }: IntervalPopoverProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const reposition = () => anchor.current && place(dialog, anchor.current);
      reposition();
      // The page may still scroll under a modal dialog: follow the field.
      window.addEventListener('resize', reposition);
      window.addEventListener('scroll', reposition, true);
      return () => {
        window.removeEventListener('resize', reposition);
        window.removeEventListener('scroll', reposition, true);
      };
    }
    if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
    }
  }, [open, anchor, returnFocus]);

  return (
    <dialog
      ref={ref}
      id={id}
      className="interval-popover"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // jsdom and some browsers send no cancel event for Escape; close on the key itself.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      // A click on the backdrop lands on the dialog element itself.
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}
