import { Controller, useFormContext } from 'react-hook-form';
import { IntervalPicker, type IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import type { RulesFormValues } from './rule-form-model.ts';

/** A rule's interval through the shared interval picker (it explains unreadable text itself). */
export function RuleIntervalField({ index, presets }: { index: number; presets: IntervalPreset[] }) {
  const { control } = useFormContext<RulesFormValues>();
  return (
    <Controller
      control={control}
      name={`rules.${index}.interval`}
      render={({ field, fieldState }) => (
        <IntervalPicker
          label="Interval"
          value={field.value}
          onChange={field.onChange}
          presets={presets}
          calendarInitiallyOpen={false}
          // The picker words parse errors itself; only "required" comes from the form.
          error={field.value.trim() === '' ? fieldState.error?.message : undefined}
        />
      )}
    />
  );
}
