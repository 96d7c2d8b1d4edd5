/**
 * ConfirmDialog: "are you sure?" with the exact effect spelled out. Usage:
 *
 *   <ConfirmDialog open={open} onCancel={() => setOpen(false)} onConfirm={() => mutation.mutate()}
 *     title="Mark all segments of wikipedia unused?" confirmLabel="Mark 24 segments unused" destructive
 *     typedConfirmation="wikipedia" pending={mutation.isPending} error={mutation.error}>
 *     <p>24 used segments stop being served…</p>
 *   </ConfirmDialog>
 *
 * With `typedConfirmation` the confirm button stays disabled until that exact text is typed. While `pending`
 * the buttons are disabled and the dialog cannot be dismissed; the caller closes it (open=false) on success.
 *
 * The typed field itself is `TypedConfirmation`, for dialogs with phases of their own (bulk runs, predicates):
 * one field, one wording, wherever a change cannot be undone or reaches a whole datasource.
 */
import { type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';
import { Dialog } from './dialog.tsx';
import { QueryErrorAlert } from './query-error-alert.tsx';
import './confirm-dialog.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, with counts. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  destructive?: boolean;
  /** Text the user must type exactly (case-sensitive) before confirming, e.g. the datasource name. */
  typedConfirmation?: string;
  pending?: boolean;
  /** The failure of the last attempt, shown above the buttons. */
  error?: unknown;
  /** Disable confirming for a reason the body explains (e.g. nothing would change). */
  confirmDisabled?: boolean;
  size?: 'small' | 'medium' | 'large';
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel } = props;
  const { destructive = false, typedConfirmation, pending = false, error, confirmDisabled = false } = props;
  const [typed, setTyped] = useState('');
  const typedRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Runs after Dialog's showModal (child effects first), which would otherwise focus the close button.
  // Destructive: start on Cancel so a stray Enter does nothing harmful.
  useEffect(() => {
    if (!open) return;
    setTyped('');
    (typedRef.current ?? (destructive ? cancelRef.current : confirmRef.current))?.focus();
  }, [open, destructive]);

  const typedOk = typedConfirmation === undefined || typed === typedConfirmation;
  const canConfirm = typedOk && !pending && !confirmDisabled;
  const cancel = () => {
    if (!pending) onCancel();
  };

  return (
    <Dialog
      open={open}
      onClose={cancel}
      title={title}
      size={props.size ?? 'medium'}
      footer={
        <>
          <button ref={cancelRef} type="button" onClick={cancel} disabled={pending}>
            {cancelLabel}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className={destructive ? 'danger' : 'primary'}
            disabled={!canConfirm}
            aria-busy={pending}
            onClick={() => canConfirm && onConfirm()}
          >
            {pending ? `${confirmLabel}…` : confirmLabel}
          </button>
        </>
      }
    >
      {/* No <form>: Enter in a field of the body (an interval picker, say) must never confirm by accident. */}
      <div className="confirm-dialog-body stack">
        <div className="stack">{children}</div>
        {typedConfirmation !== undefined && (
          <TypedConfirmation
            expected={typedConfirmation}
            value={typed}
            onChange={setTyped}
            onConfirm={() => canConfirm && onConfirm()}
            disabled={pending}
            inputRef={typedRef}
          />
        )}
        {error !== undefined && error !== null && <QueryErrorAlert error={error} />}
      </div>
    </Dialog>
  );
}

interface TypedConfirmationProps {
  /** The exact text to type (case-sensitive), e.g. the datasource name. */
  expected: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter in the field; the caller checks that confirming is allowed. */
  onConfirm: () => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** "Type wikipedia to confirm": the one typed-confirmation field of the console. */
export function TypedConfirmation({
  expected,
  value,
  onChange,
  onConfirm,
  disabled,
  inputRef,
}: TypedConfirmationProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        Type <strong className="confirm-dialog-expected">{expected}</strong> to confirm
      </label>
      <input
        id={id}
        className="mono"
        value={value}
        autoComplete="off"
        spellCheck={false}
        ref={inputRef}
        aria-invalid={value !== '' && value !== expected}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && value === expected) {
            event.preventDefault();
            onConfirm();
          }
        }}
      />
    </div>
  );
}
