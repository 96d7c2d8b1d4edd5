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
  rules: () => ['druid', 'rules'] as const,
  rulesOf: (dataSource: string) => ['druid', 'rules', dataSource] as const,
  history: () => ['druid', 'history'] as const,
};
