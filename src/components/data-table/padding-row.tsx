/** The empty row above or below a virtual window that keeps the scrollbar true to the whole list. */
export function PaddingRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="data-table-pad">
      <td aria-hidden="true" colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
