import { useEffect } from 'react';
import { Link } from 'wouter';
import type { AuditEntry } from '../../api/history.ts';
import { PaddingRow } from '../../components/data-table/padding-row.tsx';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import { formatAuditTime } from './format-time.ts';
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
  const { scrollRef, virtualizer, items, paddingTop, paddingBottom } = useVirtualWindow(entries.length, ROW_HEIGHT, {
    overscan: 12,
    initialRect: { width: 800, height: 480 },
  });

  const selectedIndex = selectedId ? entries.findIndex((entry) => entry.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

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
          <PaddingRow height={paddingTop} columns={4} />
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
                  <Link
                    href={hrefOf(entry)}
                    aria-label={`${formatAuditTime(entry.time)}, ${entry.key}: open this change`}
                  >
                    {formatAuditTime(entry.time)}
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
          <PaddingRow height={paddingBottom} columns={4} />
        </tbody>
      </table>
    </div>
  );
}
