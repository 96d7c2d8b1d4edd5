import { IntervalPicker, type IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import { useRulesFormApi } from './rules-form-context.tsx';

interface RuleIntervalFieldProps {
  index: number;
  value: string;
  error: string | undefined;
  presets: IntervalPreset[];
}

/**
 * A rule's interval through the shared interval picker (it explains unreadable text itself). The value comes from the
 * card rather than a Controller, whose form-state subscription re-rendered every card's picker on any edit.
 */
export function RuleIntervalField({ index, value, error, presets }: RuleIntervalFieldProps) {
  const { setValue } = useRulesFormApi();
  return (
    <IntervalPicker
      label="Interval"
      value={value}
      onChange={(text) => setValue(`rules.${index}.interval`, text, { shouldDirty: true, shouldValidate: true })}
      presets={presets}
      // The picker words parse errors itself; only "required" comes from the form.
      error={value.trim() === '' ? error : undefined}
    />
  );
}
