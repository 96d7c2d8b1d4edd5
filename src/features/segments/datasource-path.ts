/**
 * Datasource names in paths. The router decodes the path with decodeURI, which leaves the escapes of reserved
 * characters (`/ ? # & = + $ , ; : @`) in place; those are decoded here so every name round-trips.
 */
export function dataSourceHref(view: 'segments' | 'kill' | 'rules', dataSource: string): string {
  return `/${view}/${encodeURIComponent(dataSource)}`;
}

export function decodeDataSourceParam(param: string): string {
  return param.replace(/%(2[346BCF]|3[ABDF]|40)/gi, (sequence) => decodeURIComponent(sequence));
}
