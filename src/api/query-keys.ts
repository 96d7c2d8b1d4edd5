/**
 * Every query key starts with 'druid' and then the resource, so one prefix invalidates a whole resource
 * (e.g. after a kill: ['druid', 'segments', ds]). Features add their keys here, never inline.
 */
export const druidKeys = {
  all: ['druid'] as const,
  status: () => ['druid', 'status'] as const,
  localCluster: () => ['druid', 'local-cluster'] as const,
  datasources: () => ['druid', 'datasources'] as const,
  segments: (dataSource: string) => ['druid', 'segments', dataSource] as const,
  tasks: (dataSource: string) => ['druid', 'tasks', dataSource] as const,
  tiers: () => ['druid', 'tiers'] as const,
  /** Historicals (`servers?simple`), their load queues (`loadqueue?simple`), a tier's segments (`tiers/{t}?simple`). */
  servers: () => ['druid', 'servers'] as const,
  loadQueue: () => ['druid', 'servers', 'load-queue'] as const,
  tierSegmentCount: (tier: string) => ['druid', 'servers', 'tier-segment-count', tier] as const,
  /** A datasource's replication progress after a rule change (loadstatus and the load queue). */
  convergence: (dataSource: string, savedAt: number) => ['druid', 'convergence', dataSource, savedAt] as const,
  rules: () => ['druid', 'rules'] as const,
  rulesOf: (dataSource: string) => ['druid', 'rules', dataSource] as const,
  history: () => ['druid', 'history'] as const,
  historyOf: (scope: Readonly<Record<string, unknown>>) => ['druid', 'history', 'list', scope] as const,
  historyAny: () => ['druid', 'history', 'any'] as const,
  historyPrevious: (key: string, auditTime: string) => ['druid', 'history', 'previous', key, auditTime] as const,
  historyEntryById: (entryId: string) => ['druid', 'history', 'by-id', entryId] as const,
  dataSourceNamesWithUnused: () => ['druid', 'datasources', 'names-with-unused'] as const,
  killDryRun: (dataSource: string, interval: string) =>
    ['druid', 'segments', dataSource, 'kill-dry-run', interval] as const,
  unusedRange: (dataSource: string) => ['druid', 'segments', dataSource, 'unused-range'] as const,
  /** What is left of a datasource being retired: rules, used and unused segments, the lists it appears in. */
  retireFacts: (dataSource: string) => ['druid', 'segments', dataSource, 'retire-facts'] as const,
  task: (taskId: string) => ['druid', 'task', taskId] as const,
  /** Every rule-bearing name (datasources incl. unused ones, keys of the rules map); an object so no name collides. */
  rulesIndex: () => ['druid', 'rules', { view: 'index' }] as const,
  /** The one audit entry a restore link points at. */
  historyEntry: (dataSource: string, auditTime: string) =>
    ['druid', 'history', 'entry', dataSource, auditTime] as const,
  /** The datasources list: names incl. all-unused ones with their used totals (segments feature). */
  dataSourceSummaries: () => ['druid', 'datasources', 'summaries'] as const,
  /** Compact records of a datasource's used segments (one request). */
  usedSegments: (dataSource: string) => ['druid', 'segments', dataSource, 'used'] as const,
  /** Compact records of its unused segments, paged by segment ID (an infinite query). */
  unusedSegments: (dataSource: string) => ['druid', 'segments', dataSource, 'unused'] as const,
  /** Count, size and time range of its unused segments, without keeping them. */
  unusedSummary: (dataSource: string) => ['druid', 'segments', dataSource, 'unused-summary'] as const,
  /** Unused segments counted up to a cap, with their time range (the datasources list, per row on screen). */
  unusedProbe: (dataSource: string) => ['druid', 'segments', dataSource, 'unused-probe'] as const,
  /** Used segment counts and sizes of every served datasource (`datasources?simple`). */
  usedTotals: () => ['druid', 'datasources', 'used-totals'] as const,
  /** Served segments per interval (`intervals?simple`): sizes windows, draws timelines. */
  intervalSummaries: (dataSource: string) => ['druid', 'segments', dataSource, 'interval-summaries'] as const,
  /** One segment's full JSON. */
  segmentDetail: (dataSource: string, segmentId: string) =>
    ['druid', 'segments', dataSource, 'detail', segmentId] as const,
};
