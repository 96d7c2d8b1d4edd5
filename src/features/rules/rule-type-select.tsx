import { RULE_TYPE_LABEL } from '../../components/rules/rule-text.ts';
import type { RuleType } from '../../druid/rule-schemas.ts';

/** Load / Drop / Broadcast × Forever / Interval / Period / Before period. */
export const RULE_TYPE_GROUPS: ReadonlyArray<{ label: string; types: readonly RuleType[] }> = [
  { label: 'Load', types: ['loadForever', 'loadByInterval', 'loadByPeriod'] },
  { label: 'Drop', types: ['dropForever', 'dropByInterval', 'dropByPeriod', 'dropBeforeByPeriod'] },
  { label: 'Broadcast', types: ['broadcastForever', 'broadcastByInterval', 'broadcastByPeriod'] },
];

export function RuleTypeOptions() {
  return RULE_TYPE_GROUPS.map((group) => (
    <optgroup key={group.label} label={group.label}>
      {group.types.map((type) => (
        <option key={type} value={type}>
          {RULE_TYPE_LABEL[type]}
        </option>
      ))}
    </optgroup>
  ));
}
