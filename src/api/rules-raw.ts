import { druidRequest } from './client.ts';
import { unexpectedResponse } from './druid-api-error.ts';

const ALL_RULES_PATH = '/druid/coordinator/v1/rules';

/** Every datasource's rules and `_default`, as Druid sent them (nothing parsed, nothing added): what export writes. */
export async function fetchRawRules(signal?: AbortSignal): Promise<Record<string, unknown[]>> {
  const { status, data } = await druidRequest(ALL_RULES_PATH, { signal });
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw unexpectedResponse('GET', ALL_RULES_PATH, 'expected an object of rule lists', status);
  const rules: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(data as Record<string, unknown>)) {
    if (list !== null && !Array.isArray(list))
      throw unexpectedResponse('GET', ALL_RULES_PATH, `${name}: expected a list of rules`, status);
    rules[name] = list ?? [];
  }
  return rules;
}
