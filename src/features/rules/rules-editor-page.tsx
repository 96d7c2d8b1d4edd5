export function RulesEditorPage(_props: { dataSource?: string }) {
  return (
    <section>
      <h1>Rules</h1>
    </section>
  );
}
