import { describe, expect, it } from 'vitest';
import { defaultsReach } from './default-rules-reach.ts';
import { computeEffectiveRetention } from './effective-retention.ts';
import { BASE, DAY, randomRules, randomSegments, randomSource } from './random-retention-data.ts';
import { findMatchingRule } from './rule-matching.ts';
import { parseRules } from './rule-parsing.ts';
import type { Rule } from './rule-schemas.ts';
import { at } from './test-helpers.ts';

const rules = (json: unknown[]): Rule[] => {
  const parsed = parseRules(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
};

const NOW = at('2024-06-01');
const LOAD_FOREVER = rules([{ type: 'loadForever' }]);
const DROP_FOREVER = rules([{ type: 'dropForever' }]);
const range = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('defaultsReach', () => {
  it('never for a datasource whose own rules catch its whole range (a forever rule, or an interval around it)', () => {
    const forever = rules([{ type: 'broadcastForever' }]);
    expect(defaultsReach(forever, LOAD_FOREVER, DROP_FOREVER, range('2019-01-01', '2019-02-01'), NOW).kind).toBe(
      'never',
    );
    const around = rules([{ type: 'loadByInterval', interval: '2019-01-01/2020-01-01' }]);
    expect(defaultsReach(around, LOAD_FOREVER, DROP_FOREVER, range('2019-03-01', '2019-04-01'), NOW).kind).toBe(
      'never',
    );
  });

  it('whole for a datasource without rules when no default rule edge cuts its range', () => {
    expect(defaultsReach([], LOAD_FOREVER, DROP_FOREVER, range('2015-09-12', '2015-09-13'), NOW).kind).toBe('whole');
    const lastMonth = rules([{ type: 'loadByPeriod', period: 'P1M' }, { type: 'dropForever' }]);
    expect(defaultsReach([], LOAD_FOREVER, lastMonth, range('2015-09-12', '2015-09-13'), NOW).kind).toBe('whole');
  });

  it('intervals when a rule edge (its own or the defaults’) falls inside its range', () => {
    const lastMonth = rules([{ type: 'loadByPeriod', period: 'P1M' }, { type: 'dropForever' }]);
    expect(defaultsReach([], LOAD_FOREVER, lastMonth, range('2024-04-01', '2024-06-01'), NOW).kind).toBe('intervals');
    const socialMedia = rules([
      { type: 'dropByInterval', interval: '2020-01-01/2022-02-01' },
      { type: 'loadByInterval', interval: '2010-01-01/2020-01-01' },
    ]);
    expect(defaultsReach(socialMedia, LOAD_FOREVER, DROP_FOREVER, range('2019-06-01', '2022-06-01'), NOW).kind).toBe(
      'intervals',
    );
  });

  it('is exact over 400 random cases: never → own rules decide every segment; whole → one rule per chain', () => {
    const kinds = { never: 0, whole: 0, intervals: 0 };
    for (let seed = 1; seed <= 400; seed++) {
      const random = randomSource(seed);
      const own = randomRules(random, 4);
      const before = randomRules(random, 3);
      const after = randomRules(random, 3);
      const now = BASE + (random.int(400) - 200) * DAY;
      const segments = randomSegments(random).filter((segment) => segment.start < segment.end);
      if (segments.length === 0) continue;
      const span = {
        start: Math.min(...segments.map((segment) => segment.start)),
        end: Math.max(...segments.map((segment) => segment.end)),
      };
      const reach = defaultsReach(own, before, after, span, now);
      kinds[reach.kind]++;
      for (const defaults of [before, after]) {
        const matches = segments.map((segment) => findMatchingRule(own, defaults, segment, now));
        if (reach.kind === 'never')
          expect(
            matches.every((match) => match?.source === 'datasource'),
            `seed ${seed}`,
          ).toBe(true);
        if (reach.kind === 'whole') {
          const whole = computeEffectiveRetention({ rules: own, defaultRules: defaults, segments: [span], now });
          const slot = whole.slots[whole.rowSlot[0] as number];
          expect(whole.rowSlot[0], `seed ${seed}`).toBe(defaults === before ? reach.before : reach.after);
          for (const match of matches)
            expect(match && { source: match.source, index: match.index }, `seed ${seed}`).toEqual(
              slot ? { source: slot.source, index: slot.index } : null,
            );
        }
      }
    }
    // Every kind is exercised.
    expect(Math.min(kinds.never, kinds.whole, kinds.intervals)).toBeGreaterThan(10);
  });
});
