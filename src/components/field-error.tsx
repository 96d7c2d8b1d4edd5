/** A field's error message, for the input's aria-describedby to point at; nothing while the field is valid. */
export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <span id={id} className="field-error">
      {error}
    </span>
  );
}
