export function KillPage(_props: { dataSource?: string }) {
  return (
    <section>
      <h1>Kill unused segments</h1>
    </section>
  );
}
