import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RuleLint } from '../../druid/rule-lints.ts';
import { RuleCard, type RuleCardActions } from './rule-card.tsx';
import { cardTopAtLift, closestToPointer, overlayAtGrab } from './rule-card-drag.ts';
import type { RulesErrors } from './rule-card-equality.ts';
import { RuleCardGhost } from './rule-card-summary.tsx';
import type { RuleFieldsContext } from './rule-fields.tsx';
import type { RuleFormValue } from './rule-form-model.ts';

const instructions: ScreenReaderInstructions = {
  draggable:
    'To reorder a rule, press Space to lift it, then the Up and Down arrow keys to move it, and Space again to drop ' +
    'it in its new position. Press Escape to cancel. Rule order matters: the first rule that matches a segment wins.',
};

/**
 * Live-region messages in positions (1-based), as the dnd-kit accessibility guide recommends. dnd-kit reports the
 * lifted card as over itself right away; that is not a move, so "Picked up…" is left to be heard. The end says
 * "moved" in other words than the drag's last "is over": the live region only speaks when its text changes.
 */
export function ruleAnnouncements(
  ids: readonly UniqueIdentifier[],
  state: { lastOver: UniqueIdentifier | null },
): Announcements {
  const total = ids.length;
  const position = (id: UniqueIdentifier) => ids.indexOf(id) + 1;
  return {
    onDragStart: ({ active }) => {
      state.lastOver = active.id;
      return `Picked up rule ${position(active.id)} of ${total}.`;
    },
    onDragOver: ({ active, over }) => {
      const overId = over?.id ?? null;
      if (overId === state.lastOver) return undefined;
      state.lastOver = overId;
      return overId === null
        ? `Rule ${position(active.id)} is no longer over a position.`
        : `Rule ${position(active.id)} is over position ${position(overId)} of ${total}.`;
    },
    onDragEnd: ({ active, over }) => {
      const from = position(active.id);
      const to = over ? position(over.id) : from;
      return to === from
        ? `Rule ${from} stays at position ${from} of ${total}.`
        : `Rule ${from} moved to position ${to} of ${total}.`;
    },
    onDragCancel: ({ active }) =>
      `Moving cancelled. Rule ${position(active.id)} stays at position ${position(active.id)} of ${total}.`,
  };
}

// Module constants: new option objects would make new drag listeners for every card on each render, which the
// memoized card bodies compare by identity.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };
// Cards measured before a lift, not in an effect after it: an arrow key pressed right after Space then has
// positions to move to instead of being ignored. A datasource has a few dozen rules at most.
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };
// The overlay is as high as the lifted card was before the cards folded; its one line decides its height.
const OVERLAY_STYLE = { height: 'auto' };
// No scrolling to keep the lifted card's place on screen when the cards fold: the overlay stays at the pointer.
const AUTO_SCROLL = { layoutShiftCompensation: false };

/**
 * Ids of the cards added since the last render (Add rule, Duplicate): they open expanded, to be filled in. A list
 * replaced wholesale (first shown, reset after a save, edited in the JSON tab) keeps none of its ids; its cards
 * start collapsed.
 */
function useAddedIds(ids: readonly string[]): ReadonlySet<string> {
  const previous = useRef<readonly string[] | null>(null);
  useEffect(() => {
    previous.current = ids;
  }, [ids]);
  const before = previous.current;
  if (before === null) return new Set();
  const known = new Set(before);
  if (before.length > 0 && !ids.some((id) => known.has(id))) return new Set();
  return new Set(ids.filter((id) => !known.has(id)));
}

interface RuleCardListProps {
  ids: string[];
  values: readonly RuleFormValue[];
  errors: RulesErrors;
  lintsByIndex: ReadonlyMap<number, RuleLint[]>;
  context: RuleFieldsContext;
  actions: RuleCardActions;
}

/**
 * The datasource's rules as sortable cards (pointer and keyboard), in evaluation order. While a card is dragged,
 * every card shows its header line only, so the whole list fits the screen (CSS, no card re-renders), and the card
 * moves as a one-line overlay: folding the cards above it moves the card itself, which would leave the pointer.
 * Renders nothing without rules, but stays mounted so the first rule added counts as added.
 */
export function RuleCardList({ ids, values, errors, lintsByIndex, context, actions }: RuleCardListProps) {
  const announcementState = useRef<{ lastOver: UniqueIdentifier | null }>({ lastOver: null });
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  const added = useAddedIds(ids);
  const [activeId, setActiveId] = useState<string | null>(null);
  const liftTop = useRef<number | null>(null);
  const overlayModifiers = useMemo(() => [overlayAtGrab(liftTop)], []);
  if (ids.length === 0) return null;
  const activeIndex = activeId === null ? -1 : ids.indexOf(activeId);
  const activeValue = values[activeIndex];
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) actions.move(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestToPointer}
      measuring={MEASURING}
      autoScroll={AUTO_SCROLL}
      onDragStart={({ active, activatorEvent }) => {
        liftTop.current = cardTopAtLift(activatorEvent);
        setActiveId(String(active.id));
      }}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
      accessibility={{
        announcements: ruleAnnouncements(ids, announcementState.current),
        screenReaderInstructions: instructions,
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol
          className={`rule-cards${activeId === null ? '' : ' sorting'}`}
          aria-label="Rules, in the order Druid evaluates them"
        >
          {ids.map((id, index) => (
            <RuleCard
              key={id}
              id={id}
              index={index}
              count={ids.length}
              isAdded={added.has(id)}
              value={values[index]}
              errors={errors?.[index]}
              lints={lintsByIndex.get(index) ?? []}
              context={context}
              actions={actions}
            />
          ))}
        </ol>
      </SortableContext>
      <DragOverlay dropAnimation={null} style={OVERLAY_STYLE} modifiers={overlayModifiers}>
        {activeValue && <RuleCardGhost position={activeIndex + 1} value={activeValue} />}
      </DragOverlay>
    </DndContext>
  );
}
