/** Why the write actions are off after Druid refused a change to this datasource. */
export function ReadOnlyNote({ dataSource }: { dataSource: string }) {
  return (
    <p className="alert warning" role="status">
      You may read but not change {dataSource}: Druid refused your last change there, so the write actions are off. Sign
      in as another user to change it.
    </p>
  );
}
