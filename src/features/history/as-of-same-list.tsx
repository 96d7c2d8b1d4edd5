import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { AsOfRow } from '../../api/rules-as-of.ts';
import { formatCountOf } from '../../components/format.ts';

/** The datasources whose rules are the same now as then: names only, rendered on demand (there may be 10,000). */
export function AsOfSameList({ rows }: { rows: readonly AsOfRow[] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  if (rows.length === 0) return null;
  const ownRules = rows.filter((row) => row.now.rules.length > 0 || row.now.error !== null).length;
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <div className="row">
        <h2 id={`${id}-title`} className="as-of-same-title">
          {formatCountOf(rows.length, 'datasource')} with the same rules now as then
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? `${id}-list` : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      <p className="muted">
        {ownRules === rows.length
          ? 'All with rules of their own.'
          : `${ownRules} with rules of their own, the others with an empty list (the cluster defaults apply).`}{' '}
        A datasource Druid holds no rule list for used the defaults then as now.
      </p>
      {open && (
        <ul id={`${id}-list`} className="plain-list as-of-same-list">
          {rows.map((row) => (
            <li key={row.key}>
              <Link href={`/rules/${encodeURIComponent(row.key)}`}>{row.key}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
