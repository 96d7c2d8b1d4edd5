import { PaddingRow } from '../../components/data-table/padding-row.tsx';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import { formatBytes, formatCountOf } from '../../components/format.ts';
import { formatInterval } from '../../druid/interval.ts';
import type { KillRowList } from './kill-row-list.ts';

const ROW_HEIGHT = 34;

interface KillSegmentTableProps {
  rows: KillRowList;
  caption: string;
}

/** Segments as a table; only the rows in view are rendered, so a list of 50 000 rows stays responsive. */
export function KillSegmentTable({ rows, caption }: KillSegmentTableProps) {
  const { scrollRef, items, paddingTop, paddingBottom } = useVirtualWindow<HTMLElement>(rows.length, ROW_HEIGHT, {
    overscan: 10,
    initialRect: { width: 800, height: 360 },
  });
  return (
    // The scroll box is focusable so keyboard users can scroll it (it holds no other focusable element).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section ref={scrollRef} className="kill-table-scroll" tabIndex={0} aria-label={caption}>
      <table className="kill-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Interval</th>
            <th scope="col">Version</th>
            <th scope="col">Partition</th>
            <th scope="col">Size</th>
          </tr>
        </thead>
        <tbody>
          <PaddingRow height={paddingTop} columns={4} />
          {items.map((item) => {
            const listed = rows.at(item.index);
            if (!listed) return null;
            if ('notListed' in listed)
              return (
                <tr key="not-listed" aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={4} className="muted kill-not-listed">
                    … {formatCountOf(listed.notListed, 'more segment')}, counted but not listed …
                  </td>
                </tr>
              );
            const { row } = listed;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} title={row.id}>
                <td className="mono">{formatInterval(row)}</td>
                <td className="mono">{row.version}</td>
                <td>{row.partition}</td>
                <td>{formatBytes(row.size)}</td>
              </tr>
            );
          })}
          <PaddingRow height={paddingBottom} columns={4} />
        </tbody>
      </table>
    </section>
  );
}
