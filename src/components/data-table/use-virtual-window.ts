import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

interface VirtualWindowOptions {
  overscan?: number;
  /** Size assumed before the scroll box is measured (jsdom and the first render). */
  initialRect?: { width: number; height: number };
}

/**
 * Which rows of a long list are on screen. The table is then built from those rows only, so 200k segments cost
 * what 40 do; the padding keeps the scrollbar true to the full length.
 */
export function useVirtualWindow<E extends HTMLElement = HTMLDivElement>(
  count: number,
  rowHeight: number,
  { overscan = 5, initialRect }: VirtualWindowOptions = {},
) {
  const scrollRef = useRef<E>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    scrollRef,
    virtualizer,
    items,
    paddingTop: first ? first.start : 0,
    paddingBottom: last ? virtualizer.getTotalSize() - last.end : 0,
  };
}
