import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { readSegmentFilters, type SegmentFilters, writeSegmentFilters } from './segment-filters.ts';

/** Filters, sort and the open segment, all held in the query string (replaced, so Back leaves the view). */
export function useSegmentUrl() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readSegmentFilters(params), [params]);
  const openSegmentId = params.get('segment');

  const setFilters = useCallback(
    (change: Partial<SegmentFilters>) => {
      setParams((current) => writeSegmentFilters({ ...readSegmentFilters(current), ...change }, current), {
        replace: true,
      });
    },
    [setParams],
  );

  const setOpenSegment = useCallback(
    (id: string | null) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id === null) next.delete('segment');
          else next.set('segment', id);
          return next;
        },
        // Opening a segment is a place worth coming Back to; closing it is not.
        { replace: id === null },
      );
    },
    [setParams],
  );

  return { filters, setFilters, openSegmentId, setOpenSegment };
}
