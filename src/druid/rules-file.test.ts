import { describe, expect, it } from 'vitest';
import { formatRulesFile, parseRulesFile } from './rules-file.ts';

const errorsOf = (text: string): string[] => {
  const result = parseRulesFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
};

describe('parseRulesFile', () => {
  it('reads the shape of GET /rules with Druid defaults applied', () => {
    const result = parseRulesFile(
      JSON.stringify({ _default: [{ type: 'loadForever' }], kttm1: [{ type: 'dropByPeriod', period: 'P1M' }], x: [] }),
    );
    expect(result).toEqual({
      ok: true,
      rules: {
        _default: [{ type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true }],
        kttm1: [{ type: 'dropByPeriod', period: 'P1M', includeFuture: true }],
        x: [],
      },
    });
  });

  it('names the datasource and position of an invalid period and of an unknown rule type, all at once', () => {
    const text = JSON.stringify({
      kttm1: [{ type: 'loadForever' }, { type: 'loadByPeriod', period: 'P1X' }],
      wikipedia: [{ type: 'loadByMagic' }],
    });
    expect(errorsOf(text)).toEqual([
      'kttm1, rule 2 (loadByPeriod): period "P1X" is not a valid ISO-8601 period',
      expect.stringMatching(/^wikipedia, rule 1: unknown type "loadByMagic"; expected one of loadForever, /),
    ]);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(errorsOf('{\n  "kttm1": [\n    { "type": "loadForever" },,\n  ]\n}')).toEqual([
      expect.stringMatching(/^The file is not valid JSON \(line 3, column 31\): unexpected ","\.$/),
    ]);
  });

  it('refuses what is not a map of rule lists, and empty defaults', () => {
    expect(errorsOf('[]')).toEqual([expect.stringMatching(/must be a JSON object mapping each datasource/)]);
    expect(errorsOf('')).toEqual(['The file is empty.']);
    expect(errorsOf('{"kttm1": {"type": "loadForever"}, "_default": []}')).toEqual([
      'kttm1: the rules must be a list (use [] for no rules of its own).',
      '_default: cluster-level rules cannot be empty.',
    ]);
  });

  it('writes _default first and names sorted, as an exported file', () => {
    const text = formatRulesFile({ b: [], _default: [{ type: 'loadForever' }], a: [] });
    expect(Object.keys(JSON.parse(text))).toEqual(['_default', 'a', 'b']);
    expect(parseRulesFile(text).ok).toBe(true);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid and points at the first bad character', async () => {
    const { jsonErrorOffset } = await import('./json-error-offset.ts');
    for (const valid of ['{}', ' [1, -2.5e3, "a\\"\\u00e9", true, null, {"k": []}] ', '"x"'])
      expect(jsonErrorOffset(valid)).toBeNull();
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": [1]')).toBe(9);
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});
