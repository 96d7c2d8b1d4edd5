import type { VersionTotal } from '../../api/kill-count.ts';
import { formatBytes, formatCount } from '../../components/format.ts';

/** Versions shown one per line; a count of thousands of versions would bury the rest of the page. */
const SHOWN = 12;

const segments = (count: number) => `${formatCount(count)} segment${count === 1 ? '' : 's'}`;

interface KillVersionListProps {
  versions: readonly VersionTotal[];
  label: string;
  /** Appended to every figure while the count runs ("so far"). */
  suffix?: string;
}

/** Count and size per version, oldest version first, the ones beyond the first few summed up in one line. */
export function KillVersionList({ versions, label, suffix = '' }: KillVersionListProps) {
  const rest = versions.slice(SHOWN);
  const restCount = rest.reduce((sum, v) => sum + v.count, 0);
  const restSize = rest.reduce((sum, v) => sum + v.size, 0);
  return (
    <ul className="kill-versions" aria-label={label}>
      {versions.slice(0, SHOWN).map((version) => (
        <li key={version.version}>
          <code>{version.version}</code>: {segments(version.count)}, {formatBytes(version.size)}
          {suffix}
        </li>
      ))}
      {rest.length > 0 && (
        <li>
          {formatCount(rest.length)} more versions: {segments(restCount)}, {formatBytes(restSize)}
          {suffix}
        </li>
      )}
    </ul>
  );
}
