import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { RulesFormValues } from './rule-form-model.ts';

/** The parts of the form that never change identity: what the cards need to register and write fields. */
export type RulesFormApi = Pick<UseFormReturn<RulesFormValues>, 'control' | 'register' | 'setValue' | 'getValues'>;

const RulesFormContext = createContext<RulesFormApi | null>(null);

/**
 * Instead of react-hook-form's FormProvider, whose value changes on every render of the form (it carries
 * formState), so that every card would re-render on any edit of any other card.
 */
export function RulesFormApiProvider({
  form,
  children,
}: {
  form: UseFormReturn<RulesFormValues>;
  children: ReactNode;
}) {
  const { control, register, setValue, getValues } = form;
  const api = useMemo(() => ({ control, register, setValue, getValues }), [control, register, setValue, getValues]);
  return <RulesFormContext.Provider value={api}>{children}</RulesFormContext.Provider>;
}

export function useRulesFormApi(): RulesFormApi {
  const api = useContext(RulesFormContext);
  if (!api) throw new Error('useRulesFormApi must be used inside RulesFormApiProvider');
  return api;
}
