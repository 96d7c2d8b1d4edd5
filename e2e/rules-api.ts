import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures.ts';

export const RULES = '/druid/coordinator/v1/rules';

export async function rulesOf(request: APIRequestContext, dataSource: string): Promise<unknown[]> {
  const response = await request.get(`${RULES}/${encodeURIComponent(dataSource)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as unknown[];
}

export async function postRules(request: APIRequestContext, dataSource: string, rules: unknown[], comment = 'via api') {
  const response = await request.post(`${RULES}/${encodeURIComponent(dataSource)}`, {
    data: rules,
    headers: { 'X-Druid-Author': 'someone else', 'X-Druid-Comment': comment },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export const types = (rules: unknown[]) => rules.map((rule) => (rule as { type: string }).type);
