import type { UnusedCount } from '../../api/kill-count.ts';
import { formatBytes, formatCount } from '../../components/format.ts';

const segments = (count: number) => `${formatCount(count)} segment${count === 1 ? '' : 's'}`;

interface KillVersionListProps {
  count: Pick<UnusedCount, 'versions' | 'versionCount' | 'otherVersions'>;
  label: string;
  /** Appended to every figure while the count runs ("so far"). */
  suffix?: string;
}

/**
 * Count and size of the oldest versions one per line, the others summed up in one: real datasources have a version
 * per ingestion or compaction run, thousands of lines would bury the rest of the page.
 */
export function KillVersionList({ count, label, suffix = '' }: KillVersionListProps) {
  const more = count.versionCount - count.versions.length;
  return (
    <ul className="kill-versions" aria-label={label}>
      {count.versions.map((version) => (
        <li key={version.version}>
          <code>{version.version}</code>: {segments(version.count)}, {formatBytes(version.size)}
          {suffix}
        </li>
      ))}
      {more > 0 && (
        <li>
          {formatCount(more)} more versions: {segments(count.otherVersions.count)},{' '}
          {formatBytes(count.otherVersions.size)}
          {suffix}
        </li>
      )}
    </ul>
  );
}
