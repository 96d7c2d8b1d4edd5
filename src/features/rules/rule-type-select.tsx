import type { RuleType } from '../../druid/rule-schemas.ts';

/** Load / Drop / Broadcast × Forever / Interval / Period / Before period. */
export const RULE_TYPE_GROUPS: ReadonlyArray<{ label: string; types: ReadonlyArray<[RuleType, string]> }> = [
  {
    label: 'Load',
    types: [
      ['loadForever', 'Load forever'],
      ['loadByInterval', 'Load by interval'],
      ['loadByPeriod', 'Load by period'],
    ],
  },
  {
    label: 'Drop',
    types: [
      ['dropForever', 'Drop forever'],
      ['dropByInterval', 'Drop by interval'],
      ['dropByPeriod', 'Drop by period'],
      ['dropBeforeByPeriod', 'Drop before period'],
    ],
  },
  {
    label: 'Broadcast',
    types: [
      ['broadcastForever', 'Broadcast forever'],
      ['broadcastByInterval', 'Broadcast by interval'],
      ['broadcastByPeriod', 'Broadcast by period'],
    ],
  },
];

export function RuleTypeOptions() {
  return RULE_TYPE_GROUPS.map((group) => (
    <optgroup key={group.label} label={group.label}>
      {group.types.map(([type, label]) => (
        <option key={type} value={type}>
          {label}
        </option>
      ))}
    </optgroup>
  ));
}
