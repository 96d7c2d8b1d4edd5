import { Link, useLocation } from 'wouter';

export function NotFoundPage() {
  const [location] = useLocation();
  return (
    <section className="stack">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location}</code>. <Link href="/segments">Go to segments</Link>.
      </p>
    </section>
  );
}
