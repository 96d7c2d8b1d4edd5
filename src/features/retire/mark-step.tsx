import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { countMarkUnused } from '../../api/predicate-count.ts';
import { druidKeys } from '../../api/query-keys.ts';
import type { RetireFacts } from '../../api/retire-facts.ts';
import { markAllSegments } from '../../api/segment-updates.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatBytes, formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { toast } from '../../components/toast.ts';
import { ETERNITY, formatInterval, type Interval } from '../../druid/interval.ts';
import { markParts } from './mark-parts.ts';
import type { RetireStepStatus } from './retire-steps.ts';

interface MarkStepProps {
  dataSource: string;
  facts: RetireFacts;
  status: RetireStepStatus;
  onDone: () => Promise<unknown>;
}

interface UsedCount {
  count: number;
  range: Interval | null;
}

/** "Mark 14 segments unused (2019-08-25 to 2019-09-08, 1.2 MB served)": the exact effect, on the button too. */
export function markAllLabel(used: UsedCount, servedBytes: number): string {
  const parts: string[] = [];
  if (used.range) parts.push(formatInterval(used.range).replace('/', ' to '));
  if (servedBytes > 0) parts.push(`${formatBytes(servedBytes)} served`);
  return `Mark ${formatCountOf(used.count, 'segment')} unused${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** Step 2: every used segment marked unused, counted exactly from the metadata store first (IDs only, in parts). */
export function MarkStep({ dataSource, facts, status, onDone }: MarkStepProps) {
  const [open, setOpen] = useState(false);
  const [looked, setLooked] = useState(0);
  const active = status === 'current';
  const counted = useQuery({
    queryKey: [...druidKeys.retireFacts(dataSource), 'used-count', facts.usedCount] as const,
    queryFn: async ({ signal }) => {
      const used: UsedCount = { count: 0, range: null };
      await countMarkUnused(dataSource, ETERNITY, null, markParts(facts.served.intervals), {
        signal,
        onProgress: setLooked,
        onSegment: (segment) => {
          used.count++;
          used.range = used.range
            ? { start: Math.min(used.range.start, segment.start), end: Math.max(used.range.end, segment.end) }
            : { start: segment.start, end: segment.end };
        },
      });
      return used;
    },
    enabled: active,
  });
  const mark = useMutation({
    mutationFn: () => markAllSegments(dataSource, false),
    onSuccess: async (result) => {
      const changed = result.changed ?? counted.data?.count ?? 0;
      toast.success(`Marked ${formatCountOf(changed, 'segment')} of ${dataSource} unused`);
      await onDone();
      setOpen(false);
    },
  });

  if (status === 'done') return <p>No used segment left: Druid serves nothing of {dataSource}.</p>;
  if (!active)
    return (
      <p className="muted">
        {formatCountOf(facts.usedCount, 'used segment')} to mark unused once the rules are the defaults.
      </p>
    );
  if (counted.isError)
    return (
      <QueryErrorAlert
        error={counted.error}
        title="Could not count the used segments"
        onRetry={() => counted.refetch()}
      />
    );
  const used = counted.data;
  if (!used)
    return (
      <p aria-busy="true">
        Counting the used segments of {dataSource} in the metadata store…
        {looked > 0 && ` ${formatCountOf(looked, 'segment')} so far`}
      </p>
    );
  const label = markAllLabel(used, facts.served.size);
  return (
    <>
      <p>
        <strong>{formatCountOf(used.count, 'used segment')}</strong>
        {used.range && <> from {formatInterval(used.range).replace('/', ' to ')}</>} will be marked unused. Druid stops
        serving them: queries over {dataSource} return nothing. Until step 3 they can still be marked used again from
        the Segments page.
      </p>
      <div className="row">
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          {label}…
        </button>
        <span className="muted">You will be asked to type the datasource’s name.</span>
      </div>
      <ConfirmDialog
        open={open}
        title={`Mark all segments of ${dataSource} unused?`}
        confirmLabel={label}
        destructive
        typedConfirmation={dataSource}
        pending={mark.isPending}
        error={mark.error}
        onCancel={() => {
          setOpen(false);
          mark.reset();
        }}
        onConfirm={() => mark.mutate()}
      >
        <p>
          <strong>{formatCountOf(used.count, 'used segment')}</strong> of <strong>{dataSource}</strong> will be marked
          unused, leaving it without a used segment: nothing of it is served any more.
        </p>
      </ConfirmDialog>
    </>
  );
}
