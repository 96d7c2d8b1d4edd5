import type { ReactNode, Ref } from 'react';

interface DialogFormProps {
  /** The footer's submit button points at it with `form=`: the footer renders outside the form. */
  id: string;
  /** From useFocusFirstInvalid, to focus the first field to fix after a refused submit. */
  formRef?: Ref<HTMLFormElement>;
  onSubmit: () => void;
  children: ReactNode;
}

/** A dialog's form: the console validates (noValidate), so errors read the same in every browser. */
export function DialogForm({ id, formRef, onSubmit, children }: DialogFormProps) {
  return (
    <form
      id={id}
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

interface DialogSubmitFooterProps {
  /** The DialogForm's id. */
  formId: string;
  label: ReactNode;
  onCancel: () => void;
  /** The request is in flight: both buttons wait and the submit says so. */
  pending?: boolean;
  pendingLabel?: string;
  disabled?: boolean;
  /** The submit drops or deletes data. */
  danger?: boolean;
  /** Buttons before Cancel. */
  children?: ReactNode;
}

/** Cancel and the primary submit of a DialogForm. */
export function DialogSubmitFooter(props: DialogSubmitFooterProps) {
  const {
    formId,
    label,
    onCancel,
    pending = false,
    pendingLabel = 'Saving…',
    disabled = false,
    danger = false,
  } = props;
  return (
    <>
      {props.children}
      <button type="button" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
      <button
        type="submit"
        form={formId}
        className={danger ? 'danger' : 'primary'}
        disabled={pending || disabled}
        aria-busy={pending || undefined}
      >
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
