import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

// The module reads storage once when loaded, so each test imports a fresh copy.
async function load() {
  vi.resetModules();
  const author = await import('./audit-author.ts');
  const credentials = await import('./credentials.ts');
  return { ...author, ...credentials };
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('sessionStorage', memoryStorage());
});

afterEach(() => vi.unstubAllGlobals());

describe('operator name', () => {
  it('is remembered in localStorage across reloads, trimmed', async () => {
    const first = await load();
    expect(first.getOperatorName()).toBeNull();
    first.setOperatorName('  Ada Lovelace ');
    expect(localStorage.getItem('druid-console.operator-name')).toBe('Ada Lovelace');
    const second = await load();
    expect(second.getOperatorName()).toBe('Ada Lovelace');
  });

  it('is forgotten when set empty, and notifies subscribers', async () => {
    const { setOperatorName, getOperatorName, subscribeOperatorName } = await load();
    const listener = vi.fn();
    const unsubscribe = subscribeOperatorName(listener);
    setOperatorName('Ada');
    setOperatorName('   ');
    expect(getOperatorName()).toBeNull();
    expect(localStorage.getItem('druid-console.operator-name')).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    setOperatorName('Bob');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('works without storage', async () => {
    vi.stubGlobal('localStorage', undefined);
    const { setOperatorName, getOperatorName } = await load();
    setOperatorName('Ada');
    expect(getOperatorName()).toBe('Ada');
  });
});

describe('resolveAuditAuthor', () => {
  it('prefers the signed-in Druid user over the operator name', async () => {
    const { resolveAuditAuthor, setOperatorName, setCredentials } = await load();
    expect(resolveAuditAuthor()).toBeNull();
    setOperatorName('Ada');
    expect(resolveAuditAuthor()).toEqual({ name: 'Ada', source: 'operator' });
    setCredentials({ username: 'admin', password: 'x' });
    expect(resolveAuditAuthor()).toEqual({ name: 'admin', source: 'druid-user' });
  });
});

describe('headerValueProblem', () => {
  it('accepts Latin-1 text and rejects what a header cannot carry', async () => {
    const { headerValueProblem } = await load();
    expect(headerValueProblem('Données été <b>x</b> ½')).toBeNull();
    expect(headerValueProblem('two\nlines')).toMatch(/Line breaks/);
    expect(headerValueProblem('emoji 🎉')).toMatch(/"🎉" cannot be sent/);
    expect(headerValueProblem('עברית')).toMatch(/Latin-1/);
  });
});
