import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import { formatAuditTime } from './format-time.ts';
import type { MarkCluster } from './timeline-marks.ts';

export function clusterLabel(cluster: MarkCluster): string {
  const [first] = cluster.entries;
  if (!first) return '';
  if (cluster.entries.length === 1) {
    const comment = first.comment ? `: ${first.comment}` : ', no comment';
    return `${first.key}, ${formatAuditTime(first.time)}, by ${first.author || 'no author'}${comment}`;
  }
  return `${cluster.entries.length} changes to ${first.key} from ${formatAuditTime(cluster.start)} to ${formatAuditTime(cluster.end)}; Enter zooms in`;
}

interface TimelineMarkProps {
  cluster: MarkCluster;
  left: number;
  tabbable: boolean;
  selected: boolean;
  describedBy: string | undefined;
  register: (cluster: MarkCluster, element: HTMLButtonElement | null) => void;
  onActivate: (cluster: MarkCluster) => void;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, cluster: MarkCluster) => void;
  onShowTip: (cluster: MarkCluster, element: HTMLElement) => void;
  onHideTip: () => void;
}

/** One change, or a bundle of changes too close together to draw apart (then it shows their count). */
export function TimelineMark(props: TimelineMarkProps) {
  const { cluster, left, tabbable, selected, describedBy, register, onActivate, onKey, onShowTip, onHideTip } = props;
  const count = cluster.entries.length;
  const show = (event: FocusEvent<HTMLButtonElement> | MouseEvent<HTMLButtonElement>) =>
    onShowTip(cluster, event.currentTarget);
  return (
    <button
      type="button"
      ref={(element) => register(cluster, element)}
      className={count > 1 ? 'history-timeline-mark cluster' : 'history-timeline-mark'}
      style={{ left: `${left * 100}%` }}
      tabIndex={tabbable ? 0 : -1}
      aria-label={clusterLabel(cluster)}
      aria-current={selected ? 'true' : undefined}
      aria-describedby={describedBy}
      onClick={() => onActivate(cluster)}
      onFocus={show}
      onMouseEnter={show}
      onBlur={onHideTip}
      onMouseLeave={onHideTip}
      onKeyDown={(event) => onKey(event, cluster)}
    >
      {count > 1 ? count : null}
    </button>
  );
}
