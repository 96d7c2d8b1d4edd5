import { useEffect, useId, useRef, useState } from 'react';

interface RuleCardMenuProps {
  position: number;
  isLast: boolean;
  onMoveUp: () => void;
  onMoveDown: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/**
 * A disclosure of the card's actions. Move up/down keep it open so a rule can be walked several places, and the
 * card (keyed by identity, not position) moves with the focus inside it.
 */
export function RuleCardMenu({ position, isLast, onMoveUp, onMoveDown, onDuplicate, onDelete }: RuleCardMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere inside closes the disclosure
    <div
      className="rule-card-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="ghost"
        aria-expanded={open}
        aria-controls={`${id}-actions`}
        onClick={() => setOpen((value) => !value)}
      >
        Actions<span className="visually-hidden"> for rule {position}</span> ▾
      </button>
      <div id={`${id}-actions`} className="rule-card-actions" hidden={!open}>
        {/* Built on opening: hidden buttons in every card would only weigh on each render and query. */}
        {open && (
          <>
            <button type="button" className="ghost" disabled={position === 1} onClick={onMoveUp}>
              Move up
            </button>
            <button type="button" className="ghost" disabled={isLast} onClick={onMoveDown}>
              Move down
            </button>
            <button
              type="button"
              className="ghost"
              onClick={() => {
                setOpen(false);
                onDuplicate();
              }}
            >
              Duplicate
            </button>
            <button
              type="button"
              className="ghost danger-text"
              onClick={() => {
                setOpen(false);
                onDelete();
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </div>
  );
}
