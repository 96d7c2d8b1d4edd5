export function HistoryPage(_props: { dataSource?: string }) {
  return (
    <section>
      <h1>Rule history</h1>
    </section>
  );
}
