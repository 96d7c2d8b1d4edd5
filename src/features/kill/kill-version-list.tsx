import type { UnusedCount } from '../../api/kill-count.ts';
import { formatBytes, formatCount, formatCountOf } from '../../components/format.ts';

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
          <code>{version.version}</code>: {formatCountOf(version.count, 'segment')}, {formatBytes(version.size)}
          {suffix}
        </li>
      ))}
      {more > 0 && (
        <li>
          {formatCount(more)} more versions: {formatCountOf(count.otherVersions.count, 'segment')},{' '}
          {formatBytes(count.otherVersions.size)}
          {suffix}
        </li>
      )}
    </ul>
  );
}
