import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import type { RuleLint } from '../../druid/rule-lints.ts';
import { RuleCardBody } from './rule-card-body.tsx';
import type { RuleErrors } from './rule-card-equality.ts';
import type { RuleFieldsContext } from './rule-fields.tsx';
import type { RuleFormValue } from './rule-form-model.ts';

export interface RuleCardActions {
  move: (from: number, to: number) => void;
  duplicate: (index: number) => void;
  remove: (index: number) => void;
}

interface RuleCardProps {
  id: string;
  index: number;
  count: number;
  /** Added to the list after it was shown (Add rule, Duplicate), rather than loaded with it. */
  isAdded: boolean;
  value: RuleFormValue | undefined;
  errors: RuleErrors | undefined;
  lints: readonly RuleLint[];
  context: RuleFieldsContext;
  actions: RuleCardActions;
}

/**
 * One rule as a sortable list item. Only this shell follows the drag state (every card's useSortable updates when the
 * list changes); its content is a memoized body that re-renders when its own rule, errors or warnings change.
 */
export function RuleCard({ id, index, count, isAdded, value, errors, lints, context, actions }: RuleCardProps) {
  const sortable = useSortable({ id, attributes: { roleDescription: 'sortable rule' } });
  const [startExpanded] = useState(isAdded);
  const hasErrors = Boolean(errors);
  return (
    <li
      ref={sortable.setNodeRef}
      className={`rule-card card${sortable.isDragging ? ' dragging' : ''}${hasErrors ? ' has-errors' : ''}`}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
    >
      <RuleCardBody
        index={index}
        // Not the count: adding a rule would re-render every card for the one menu item it disables.
        isLast={index === count - 1}
        startExpanded={startExpanded}
        value={value}
        errors={errors}
        lints={lints}
        context={context}
        actions={actions}
        activatorRef={sortable.setActivatorNodeRef}
        handleAttributes={sortable.attributes}
        handleListeners={sortable.listeners}
      />
    </li>
  );
}
