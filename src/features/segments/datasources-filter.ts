/** Names containing the filter, case-insensitively; names only, so 10,000 of them filter within a keystroke. */
export function filterDataSourceNames(names: readonly string[], filter: string): readonly string[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return names;
  return names.filter((name) => name.toLowerCase().includes(needle));
}
