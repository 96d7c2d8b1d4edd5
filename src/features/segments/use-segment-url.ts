import { useCallback, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { readIntervalText } from '../../components/interval-picker/interval-text.ts';
import { readSegmentFilters, type SegmentFilters, writeSegmentFilters } from './segment-filters.ts';

/** Empty (all time) or an interval Druid reads: what may be written to the URL. */
function isWritableInterval(text: string): boolean {
  return text.trim() === '' || readIntervalText(text).ok;
}

/** An interval text that does not parse, shown in the field while the URL stays at `base` (path and last valid one). */
interface IntervalDraft {
  text: string;
  base: string;
}

/**
 * Filters, sort and the open segment, all held in the query string (replaced, so Back leaves the view). An interval
 * that does not parse is never written: it lives here as a draft (so the field keeps what was typed and the view can
 * say it is not applied) until it parses or the URL's interval changes under it (a timeline pick, another datasource).
 */
export function useSegmentUrl() {
  const [params, setParams] = useSearchParams();
  const [path] = useLocation();
  const [draft, setDraft] = useState<IntervalDraft | null>(null);
  const fromUrl = useMemo(() => readSegmentFilters(params), [params]);
  const base = `${path}?${fromUrl.interval}`;
  const filters = useMemo(
    () => (draft !== null && draft.base === base ? { ...fromUrl, interval: draft.text } : fromUrl),
    [fromUrl, draft, base],
  );
  const openSegmentId = params.get('segment');

  const setFilters = useCallback(
    (change: Partial<SegmentFilters>) => {
      const { interval, ...rest } = change;
      if (interval !== undefined && !isWritableInterval(interval)) {
        setDraft({ text: interval, base });
        if (Object.keys(rest).length === 0) return;
        change = rest;
      } else if (interval !== undefined) {
        setDraft(null);
      }
      setParams((current) => writeSegmentFilters({ ...readSegmentFilters(current), ...change }, current), {
        replace: true,
      });
    },
    [setParams, base],
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
