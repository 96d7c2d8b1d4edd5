import type { Ref } from 'react';
import { TypedConfirmation } from '../../components/confirm-dialog.tsx';

interface WholeDataSourceConfirmationProps {
  dataSource: string;
  typed: string;
  onTyped: (value: string) => void;
  onConfirm: () => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A mark that leaves a datasource without a used segment says so, and asks for its name typed. */
export function WholeDataSourceConfirmation(props: WholeDataSourceConfirmationProps) {
  const { dataSource, typed, onTyped, onConfirm, disabled, inputRef } = props;
  return (
    <>
      <p className="alert warning" role="note">
        <strong>This leaves {dataSource} without a used segment:</strong> Druid will serve nothing of it.
      </p>
      <TypedConfirmation
        expected={dataSource}
        value={typed}
        onChange={onTyped}
        onConfirm={onConfirm}
        disabled={disabled}
        inputRef={inputRef}
      />
    </>
  );
}
