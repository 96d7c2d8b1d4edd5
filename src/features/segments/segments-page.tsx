export function SegmentsPage(_props: { dataSource?: string }) {
  return (
    <section>
      <h1>Segments</h1>
    </section>
  );
}
