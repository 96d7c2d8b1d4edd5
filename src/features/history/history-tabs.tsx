import { Link } from 'wouter';

/** The two ways to read the rule history: the changes themselves, or the rules they add up to at one time. */
export function HistoryTabs({ current }: { current: 'changes' | 'as-of' }) {
  return (
    <nav aria-label="Rule history views" className="row history-tabs">
      <Link href="/history" className="button ghost" aria-current={current === 'changes' ? 'page' : undefined}>
        Changes
      </Link>
      <Link href="/history?asof=" className="button ghost" aria-current={current === 'as-of' ? 'page' : undefined}>
        Rules as of a time
      </Link>
    </nav>
  );
}
