export function RulesIndexPage(_props: { dataSource?: string }) {
  return (
    <section>
      <h1>Retention rules</h1>
    </section>
  );
}
