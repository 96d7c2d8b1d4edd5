import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'wouter';

/** The router decodes paths with decodeURI, which leaves `%23`, `%2F`… encoded; finish the job when it is safe. */
export function decodeDataSourceParam(param: string | undefined): string | null {
  if (!param) return null;
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

export function killHref(dataSource: string, interval: string | null): string {
  const search = interval ? `?${new URLSearchParams({ interval }).toString()}` : '';
  return `/kill/${encodeURIComponent(dataSource)}${search}`;
}

/** `?interval=` holds the kill interval as typed, so a reload or a shared link shows the same dry run. */
export function useKillUrl() {
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const interval = params.get('interval');
  const setInterval = useCallback(
    (text: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set('interval', text);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const chooseDataSource = useCallback(
    (dataSource: string) => navigate(killHref(dataSource, interval)),
    [navigate, interval],
  );
  return { interval, setInterval, chooseDataSource };
}
