import type { MouseEvent } from 'react';
import './data-table.css';

/**
 * A link, seen only when focused, that takes a keyboard user past a page's filters and toolbars to the first row of
 * its table (the table's scroll box when it has no rows): the page's own "skip to content".
 */
export function SkipToTable({ tableId, label = 'Skip to the table' }: { tableId: string; label?: string }) {
  const skip = (event: MouseEvent) => {
    const box = document.getElementById(tableId);
    if (!box) return;
    // Focus, not the URL's hash: the router owns the URL, and a hash link only moves where Tab starts from.
    event.preventDefault();
    const first = box.querySelector<HTMLElement>('.data-table-body [role="row"] :is(input, button, a[href])');
    (first ?? box).focus();
  };
  return (
    <a className="skip-to-table" href={`#${tableId}`} onClick={skip}>
      {label}
    </a>
  );
}
