import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { AuditEntry } from '../../api/history.ts';
import { formatUtc } from './format-time.ts';
import './history-table.css';

const ROW_HEIGHT = 38;

interface HistoryTableProps {
  entries: readonly AuditEntry[];
  selectedId: string | null;
  /** The link that opens an entry (keeps the rest of the view state). */
  hrefOf: (entry: AuditEntry) => string;
  caption: string;
}

/**
 * Every change, newest first, as a real table; only the rows in view are in the DOM, so thousands of entries
 * scroll smoothly. aria-rowcount/aria-rowindex tell screen readers where they are in the whole list.
 */
export function HistoryTable({ entries, selectedId, hrefOf, caption }: HistoryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 480 },
  });

  const selectedIndex = selectedId ? entries.findIndex((entry) => entry.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div ref={scrollRef} className="history-table-scroll">
      <table className="history-table" aria-rowcount={entries.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Datasource</th>
            <th scope="col">Author</th>
            <th scope="col">Comment</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr className="virtual-spacer">
              <td colSpan={4} style={{ height: top, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            const selected = entry.id === selectedId;
            return (
              <tr
                key={entry.id}
                aria-rowindex={item.index + 2}
                aria-current={selected ? 'true' : undefined}
                className={selected ? 'selected' : undefined}
                style={{ height: ROW_HEIGHT }}
              >
                <td className="history-table-time">
                  <Link href={hrefOf(entry)} aria-label={`${formatUtc(entry.time)}, ${entry.key}: open this change`}>
                    {formatUtc(entry.time)}
                  </Link>
                </td>
                <td className="history-table-text" title={entry.key}>
                  {entry.key}
                </td>
                <td className="history-table-text" title={entry.author}>
                  {entry.author || <span className="muted">(none)</span>}
                </td>
                <td className="history-table-text" title={entry.comment}>
                  {entry.comment || <span className="muted">(none)</span>}
                </td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr className="virtual-spacer">
              <td colSpan={4} style={{ height: bottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
