/**
 * Druid has only an allow list (`killDataSourceWhitelist`, empty = every datasource). Protecting one datasource
 * therefore means listing all the others when the list is empty, and removing it otherwise; the console computes
 * the list and says what it does to the rest of the cluster.
 */
export interface WhitelistChange {
  next: string[];
  /** The list was empty (all datasources): it now names every other datasource explicitly. */
  fromAll: boolean;
  /** The new list is empty, which Druid reads as "every datasource": nothing would stay protected. */
  becomesAll: boolean;
}

export function protectDataSource(
  current: readonly string[],
  dataSource: string,
  allDataSources: readonly string[],
): WhitelistChange {
  if (current.length === 0) {
    const next = allDataSources.filter((name) => name !== dataSource);
    return { next, fromAll: true, becomesAll: false };
  }
  const next = current.filter((name) => name !== dataSource);
  // Removing the last name would empty the list, and empty means all: refuse that reading in the UI.
  return { next, fromAll: false, becomesAll: next.length === 0 };
}

/** Lets auto-kill touch the datasource again (no change when the list is empty: it already may). */
export function unprotectDataSource(current: readonly string[], dataSource: string): WhitelistChange {
  if (current.length === 0 || current.includes(dataSource))
    return { next: [...current], fromAll: false, becomesAll: false };
  return { next: [...current, dataSource], fromAll: false, becomesAll: false };
}
