import { useSearchParams } from 'wouter';

/** Names containing the filter, case-insensitively; names only, so 10,000 of them filter within a keystroke. */
export function filterDataSourceNames(names: readonly string[], filter: string): readonly string[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return names;
  return names.filter((name) => name.toLowerCase().includes(needle));
}

/** The `?filter=` of the page, so a filtered list can be linked and survives a reload; typing replaces history. */
export function useNameFilterParam(): [string, (filter: string) => void] {
  const [params, setParams] = useSearchParams();
  const filter = params.get('filter') ?? '';
  return [filter, (next) => setParams(next ? { filter: next } : {}, { replace: true })];
}

export function NameFilterField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (filter: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Filter by name</label>
      <input id={id} type="search" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
