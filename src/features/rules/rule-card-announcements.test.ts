import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { ruleAnnouncements } from './rule-card-list.tsx';

const IDS = ['a', 'b', 'c'];
const active = (id: string) => ({ id }) as Active;
const over = (id: string) => ({ id }) as Over;

describe('rule reorder announcements', () => {
  it('say where the rule moved, never "dropped"', () => {
    const say = ruleAnnouncements(IDS, { lastOver: null });
    expect(say.onDragStart({ active: active('a') })).toBe('Picked up rule 1 of 3.');
    expect(say.onDragOver({ active: active('a'), over: over('b') })).toBe('Rule 1 is over position 2 of 3.');
    expect(say.onDragEnd({ active: active('a'), over: over('c') })).toBe('Rule 1 moved to position 3 of 3.');
    expect(say.onDragEnd({ active: active('b'), over: over('b') })).toBe('Rule 2 stays at position 2 of 3.');
    expect(say.onDragEnd({ active: active('a'), over: null })).toBe('Rule 1 stays at position 1 of 3.');
    expect(say.onDragCancel({ active: active('c'), over: null })).toBe(
      'Moving cancelled. Rule 3 stays at position 3 of 3.',
    );
  });

  it('announce the lifted card being over itself only once it has left', () => {
    const say = ruleAnnouncements(IDS, { lastOver: null });
    say.onDragStart({ active: active('a') });
    expect(say.onDragOver({ active: active('a'), over: over('a') })).toBeUndefined();
    expect(say.onDragOver({ active: active('a'), over: null })).toBe('Rule 1 is no longer over a position.');
    expect(say.onDragOver({ active: active('a'), over: over('a') })).toBe('Rule 1 is over position 1 of 3.');
  });
});
