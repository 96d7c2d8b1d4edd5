import type { ReactNode } from 'react';
import { Link } from 'wouter';
import './breadcrumb.css';

export interface Crumb {
  label: ReactNode;
  /** Where the crumb leads; the last crumb is the current page and has none. */
  href?: string;
}

/** The way back up from a page: every level a link, the page itself last, as text marked as the current page. */
export function Breadcrumb({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {items.map((item, index) => {
          const current = index === items.length - 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: crumbs are a fixed path, never reordered
            <li key={index}>
              {item.href && !current ? (
                <Link href={item.href}>{item.label}</Link>
              ) : (
                <span aria-current={current ? 'page' : undefined}>{item.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
