import { buildUrl, requestHeaders } from './client.ts';
import { authorizationHeader, getCredentialsOf } from './credentials.ts';
import { DruidApiError } from './druid-api-error.ts';

const RULES_PATH = '/druid/coordinator/v1/rules';

/**
 * Every datasource's rules of another cluster of this console, as Druid's JSON text (the rules-as-code file shape),
 * read with that cluster's own credentials: the page's cluster's are never sent to it.
 */
export async function fetchClusterRulesText(cluster: string, signal?: AbortSignal): Promise<string> {
  const headers = requestHeaders();
  delete headers.Authorization;
  const auth = authorizationHeader(getCredentialsOf(cluster));
  if (auth) headers.Authorization = auth;
  const fail = (status: number, message: string) =>
    new DruidApiError({ kind: status ? 'http' : 'network', status, method: 'GET', path: RULES_PATH, message });
  let response: Response;
  try {
    response = await fetch(`/clusters/${encodeURIComponent(cluster)}${buildUrl(RULES_PATH)}`, { headers, signal });
  } catch (error) {
    throw fail(0, `Could not reach the console server (${(error as Error).message}).`);
  }
  const text = await response.text();
  if (response.status === 401)
    throw fail(401, `Sign in to ${cluster} first (open it in this console): its rules need its own credentials.`);
  if (!response.ok) throw fail(response.status, `${cluster} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}
