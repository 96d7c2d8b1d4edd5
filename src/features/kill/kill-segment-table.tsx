import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatBytes } from '../../components/format.ts';
import { type DataSegment, segmentId } from '../../druid/segment.ts';

const ROW_HEIGHT = 34;

interface KillSegmentTableProps {
  segments: readonly DataSegment[];
  caption: string;
}

/** Segments as a table; only the rows in view are rendered, so a dry run of 100 000 segments stays responsive. */
export function KillSegmentTable({ segments, caption }: KillSegmentTableProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 360 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
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
          {top > 0 && (
            <tr className="virtual-spacer">
              <td colSpan={4} style={{ height: top, padding: 0 }} />
            </tr>
          )}
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
          {bottom > 0 && (
            <tr className="virtual-spacer">
              <td colSpan={4} style={{ height: bottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
