import { describe, expect, it } from 'vitest';
import { formatRulesFileText, parseRulesFileText, rulesFileFormat } from './rules-file-text.ts';

const RULES = {
  _default: [{ type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true }],
  kttm1: [
    { type: 'loadByPeriod', period: 'P1M', includeFuture: true, tieredReplicants: { hot: 1 } },
    { type: 'dropForever' },
  ],
};

describe('rules files as YAML', () => {
  it('tells the format from the name', () => {
    expect(rulesFileFormat('rules.yaml')).toBe('yaml');
    expect(rulesFileFormat('RULES.YML')).toBe('yaml');
    expect(rulesFileFormat('rules.json')).toBe('json');
    expect(rulesFileFormat('rules')).toBe('json');
  });

  it('writes YAML that reads back to exactly the same rules as the JSON file', async () => {
    const yaml = await formatRulesFileText(RULES, 'yaml');
    expect(yaml).toContain('kttm1:\n  - type: loadByPeriod\n    period: P1M');
    const fromYaml = await parseRulesFileText('rules.yaml', yaml);
    const fromJson = await parseRulesFileText('rules.json', await formatRulesFileText(RULES, 'json'));
    expect(fromYaml).toEqual(fromJson);
    expect(fromYaml.ok).toBe(true);
  });

  it('names a YAML syntax error by line and column, and an invalid rule by datasource and position', async () => {
    const broken = await parseRulesFileText('rules.yml', 'kttm1:\n  - type: dropForever\n   bad: [\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^The file is not valid YAML \(line \d+, column \d+\)/);

    const invalid = await parseRulesFileText(
      'rules.yaml',
      'kttm1:\n  - type: dropForever\n  - type: loadByPeriod\n    period: P1X\n',
    );
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.errors.join('\n')).toMatch(/^kttm1, rule 2 \(loadByPeriod\): .*P1X/);
  });

  it('refuses duplicate keys rather than keeping one silently', async () => {
    const result = await parseRulesFileText('rules.yaml', 'kttm1: []\nkttm1:\n  - type: dropForever\n');
    expect(result.ok).toBe(false);
  });
});
