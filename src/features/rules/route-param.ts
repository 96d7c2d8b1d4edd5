/**
 * The datasource name from the `/rules/:dataSource` route. The router decodes the path with decodeURI, which leaves
 * escapes of reserved characters (`%2F`, `%3F`, `%23`…) in place; links encode names with encodeURIComponent, so
 * those are decoded here.
 */
export function dataSourceFromRoute(param: string): string {
  return param.replace(/%(2F|3F|23|26|3B|3A|40|3D|2B|24|2C)/gi, (code) => decodeURIComponent(code));
}

/** The editor's path for a datasource (or `_default`). */
export function rulesEditorPath(dataSource: string): string {
  return `/rules/${encodeURIComponent(dataSource)}`;
}
