import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../cluster/auth/permissions.ts';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call } from './api-helpers.ts';

// ConfigResourceFilter: the dynamic config, its history and /status/properties need CONFIG permissions.
const CONFIG = '/druid/coordinator/v1/config';
const STATE = { type: 'STATE', name: 'STATE', action: 'READ' } as const;
const AUTH: AuthConfig = {
  users: {
    operator: {
      password: 'o',
      permissions: [
        STATE,
        { type: 'CONFIG', name: 'CONFIG', action: 'READ' },
        { type: 'CONFIG', name: 'CONFIG', action: 'WRITE' },
      ],
    },
    viewer: { password: 'v', permissions: [STATE, { type: 'CONFIG', name: 'CONFIG', action: 'READ' }] },
    analyst: { password: 'a', permissions: [STATE, { type: 'DATASOURCE', name: '.*', action: 'READ' }] },
  },
};

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster({ seed: 'none', auth: AUTH, properties: { 'druid.coordinator.kill.on': 'true' } });
});
afterAll(() => cluster.stop());

const as = (user: string, password: string, method: string, path: string, body?: unknown, extra = {}) =>
  call(cluster, method, path, {
    body,
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, ...extra },
  });

describe('CONFIG permissions', () => {
  it('lets a CONFIG reader read the config, its history and the properties, but not change the config', async () => {
    for (const path of [CONFIG, `${CONFIG}/history?count=5`, '/status/properties']) {
      expect((await as('viewer', 'v', 'GET', path)).status, path).toBe(200);
    }
    const refused = await as('viewer', 'v', 'POST', CONFIG, { killTaskSlotRatio: 0.5 });
    expect(refused.status).toBe(403);
    expect((await as('viewer', 'v', 'GET', CONFIG)).json()).toMatchObject({ killTaskSlotRatio: 0.1 });
  });

  it('refuses every config path to a user without CONFIG permissions', async () => {
    for (const path of [CONFIG, `${CONFIG}/history`, '/status/properties']) {
      const response = await as('analyst', 'a', 'GET', path);
      expect(response.status, path).toBe(403);
      expect(response.json()).toHaveProperty('Access-Check-Result');
    }
  });

  it('records the signed-in identity next to the author header', async () => {
    const saved = await as('operator', 'o', 'POST', CONFIG, { maxKillTaskSlots: 2 }, { 'X-Druid-Author': 'Ops' });
    expect(saved.status).toBe(200);
    const [entry] = (await as('operator', 'o', 'GET', `${CONFIG}/history?count=1`)).json<
      Array<{ auditInfo: { author: string; identity: string } }>
    >();
    expect(entry?.auditInfo).toMatchObject({ author: 'Ops', identity: 'operator' });
  });
});
