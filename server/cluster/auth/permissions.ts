/** druid-basic-security style permissions: a resource type, a name pattern (regex, whole name) and an action. */
export interface Permission {
  type: 'DATASOURCE' | 'STATE' | 'CONFIG';
  name: string;
  action: 'READ' | 'WRITE';
}

export interface AuthUser {
  password: string;
  permissions: Permission[];
}

export interface AuthConfig {
  users: Record<string, AuthUser>;
}

export interface ResourceAction {
  type: Permission['type'];
  name: string;
  action: Permission['action'];
}

export function isAllowed(user: AuthUser, wanted: ResourceAction): boolean {
  return user.permissions.some(
    (p) => p.type === wanted.type && p.action === wanted.action && new RegExp(`^(?:${p.name})$`).test(wanted.name),
  );
}

/** Endpoints that filter their result by READ instead of refusing (Druid's InventoryViewUtils & co.). */
export function isFilteredList(method: string, path: string, query: URLSearchParams): boolean {
  if (method !== 'GET') return false;
  if (path === '/druid/coordinator/v1/datasources' || path === '/druid/coordinator/v1/metadata/datasources')
    return true;
  if (path === '/druid/coordinator/v1/metadata/segments') return true;
  return path === '/druid/indexer/v1/tasks' && !query.has('datasource');
}

/**
 * The resource a request needs, as Druid's resource filters decide it: the path segment after `datasources` or
 * `rules` is a DATASOURCE (so `_default` is one), GET means READ and any other method WRITE; cluster-wide reads are
 * STATE, configs CONFIG. Null for unsecured or filtered paths.
 */
export function requiredAccess(method: string, path: string, query: URLSearchParams): ResourceAction | null {
  const action = method === 'GET' || method === 'HEAD' ? 'READ' : 'WRITE';
  const segments = path.split('/').map((s) => decodeURIComponent(s));
  const datasource = (after: string) => {
    const i = segments.indexOf(after);
    return i >= 0 ? (segments[i + 1] ?? null) || null : null;
  };
  // ConfigResourceFilter: the dynamic config, its history and the runtime properties.
  if (path.startsWith('/druid/coordinator/v1/config') || path.endsWith('/status/properties')) {
    return { type: 'CONFIG', name: 'CONFIG', action };
  }
  if (path.startsWith('/druid/coordinator/v1/rules')) {
    const ds = datasource('rules');
    if (ds === null || ds === 'history') return { type: 'STATE', name: 'STATE', action };
    return { type: 'DATASOURCE', name: ds, action };
  }
  if (
    // POST /taskStatus has a StateResourceFilter, so (POST being WRITE) it needs WRITE on STATE.
    path === '/druid/indexer/v1/taskStatus' ||
    path.startsWith('/druid/coordinator/v1/tiers') ||
    path.startsWith('/druid/coordinator/v1/servers') ||
    path === '/druid/indexer/v1/totalWorkerCapacity' ||
    path === '/status'
  ) {
    return { type: 'STATE', name: 'STATE', action };
  }
  if (path === '/druid/indexer/v1/tasks' && query.has('datasource')) {
    return { type: 'DATASOURCE', name: query.get('datasource') ?? '', action: 'READ' };
  }
  const ds = datasource('datasources');
  if (ds !== null && (path.startsWith('/druid/coordinator/v1/') || path.startsWith('/druid/indexer/v1/'))) {
    return { type: 'DATASOURCE', name: ds, action };
  }
  return null;
}
