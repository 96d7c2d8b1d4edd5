import { describe, expect, it } from 'vitest';
import { isAuthRequired, setAuthRequired } from './auth-required.ts';
import { DruidApiError } from './druid-api-error.ts';
import { createQueryClient, shouldRetryQuery } from './query-client.ts';

const error = (status: number, kind: DruidApiError['kind'] = 'http') =>
  new DruidApiError({ kind, status, method: 'GET', path: '/x', message: 'x' });

describe('shouldRetryQuery', () => {
  it('retries transient failures and server errors a few times', () => {
    expect(shouldRetryQuery(0, error(0, 'network'))).toBe(true);
    expect(shouldRetryQuery(0, error(503))).toBe(true);
    expect(shouldRetryQuery(2, error(500))).toBe(true);
    expect(shouldRetryQuery(3, error(500))).toBe(false);
  });

  it('never retries answers that will not change: 4xx and invalid responses', () => {
    expect(shouldRetryQuery(0, error(400))).toBe(false);
    expect(shouldRetryQuery(0, error(401))).toBe(false);
    expect(shouldRetryQuery(0, error(404))).toBe(false);
    expect(shouldRetryQuery(0, error(200, 'invalid-response'))).toBe(false);
    expect(shouldRetryQuery(0, new Error('bug'))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('never retries mutations', () => {
    expect(createQueryClient().getDefaultOptions().mutations?.retry).toBe(false);
  });

  it('asks for sign-in when any query is answered 401', async () => {
    setAuthRequired(false);
    const client = createQueryClient();
    await client
      .fetchQuery({
        queryKey: ['x'],
        queryFn: () => Promise.reject(error(401)),
      })
      .catch(() => undefined);
    expect(isAuthRequired()).toBe(true);
    setAuthRequired(false);
  });
});
