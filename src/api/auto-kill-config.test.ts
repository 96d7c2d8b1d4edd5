import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchKillProperties, killTaskSlots, NotCoordinatorPropertiesError, nameList } from './auto-kill-config.ts';

function stubAnswers(answers: Record<string, { status: number; body: unknown }>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const answer = answers[url] ?? { status: 404, body: 'Not Found' };
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchKillProperties', () => {
  it('reads the Coordinator’s properties through the Router and the Overlord’s embedded-kill ones', async () => {
    stubAnswers({
      '/proxy/coordinator/status/properties': { status: 200, body: { 'druid.coordinator.kill.on': 'true' } },
      '/proxy/overlord/status/properties': {
        status: 200,
        body: { 'druid.manager.segments.killUnused.enabled': 'true', 'druid.service': 'druid/overlord' },
      },
    });
    expect(await fetchKillProperties()).toEqual({
      source: 'coordinator',
      properties: { 'druid.coordinator.kill.on': 'true', 'druid.manager.segments.killUnused.enabled': 'true' },
    });
  });

  it('falls back to /status/properties, but never reads a Router’s own as the Coordinator’s', async () => {
    stubAnswers({ '/status/properties': { status: 200, body: { 'druid.service': 'druid/coordinator' } } });
    expect((await fetchKillProperties()).source).toBe('status');
    stubAnswers({ '/status/properties': { status: 200, body: { 'druid.service': 'druid/router' } } });
    await expect(fetchKillProperties()).rejects.toBeInstanceOf(NotCoordinatorPropertiesError);
  });

  it('passes a refusal on (403: no CONFIG read permission)', async () => {
    stubAnswers({ '/proxy/coordinator/status/properties': { status: 403, body: { error: 'Unauthorized' } } });
    await expect(fetchKillProperties()).rejects.toMatchObject({ status: 403 });
  });
});

describe('dynamic config values', () => {
  it('reads the whitelist as an array or a comma-separated string', () => {
    expect(nameList(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(nameList(' a, b ,,')).toEqual(['a', 'b']);
    expect(nameList(null)).toEqual([]);
  });

  it('cuts the kill slots from the capacity like the duty: min(⌊capacity × ratio⌋, maxKillTaskSlots)', () => {
    expect(killTaskSlots(10, { killTaskSlotRatio: 0.1 })).toBe(1);
    expect(killTaskSlots(10, { killTaskSlotRatio: 0.5, maxKillTaskSlots: 2 })).toBe(2);
    expect(killTaskSlots(10, {})).toBeNull();
    expect(killTaskSlots(null, { killTaskSlotRatio: 0.5 })).toBeNull();
  });
});
