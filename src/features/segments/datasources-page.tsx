export function DataSourcesPage(_props: { dataSource?: string }) {
  return (
    <section>
      <h1>Datasources</h1>
    </section>
  );
}
