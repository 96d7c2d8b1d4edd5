import { PaddingRow } from '../../components/data-table/padding-row.tsx';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import { formatBytes } from '../../components/format.ts';
import { type DataSegment, segmentId } from '../../druid/segment.ts';

const ROW_HEIGHT = 34;

interface KillSegmentTableProps {
  segments: readonly DataSegment[];
  caption: string;
}

/** Segments as a table; only the rows in view are rendered, so a dry run of 100 000 segments stays responsive. */
export function KillSegmentTable({ segments, caption }: KillSegmentTableProps) {
  const { scrollRef, items, paddingTop, paddingBottom } = useVirtualWindow<HTMLElement>(segments.length, ROW_HEIGHT, {
    overscan: 10,
    initialRect: { width: 800, height: 360 },
  });
  return (
    // The scroll box is focusable so keyboard users can scroll it (it holds no other focusable element).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section ref={scrollRef} className="kill-table-scroll" tabIndex={0} aria-label={caption}>
      <table className="kill-table" aria-rowcount={segments.length + 1}>
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
            const segment = segments[item.index];
            if (!segment) return null;
            const id = segmentId(segment);
            return (
              <tr key={id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} title={id}>
                <td className="mono">{segment.interval}</td>
                <td className="mono">{segment.version}</td>
                <td>{segment.shardSpec.partitionNum ?? 0}</td>
                <td>{formatBytes(segment.size)}</td>
              </tr>
            );
          })}
          <PaddingRow height={paddingBottom} columns={4} />
        </tbody>
      </table>
    </section>
  );
}
