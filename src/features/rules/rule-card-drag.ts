/**
 * Pointer geometry of dragging a rule card. The cards fold to one line when a drag starts, so the lifted card's place
 * moves up by the height of the cards folded above it, and dnd-kit (which measures it after that render) would
 * draw the lifted card there, away from the pointer. So, for pointer drags only: the overlay is shifted back to where
 * the card was grabbed, and the card under the pointer is the target. Keyboard drags start from the card's folded
 * place, as dnd-kit computes it.
 */
import { type CollisionDetection, closestCenter, type Modifier } from '@dnd-kit/core';

/** The droppable whose centre is closest to the pointer; closest to the dragged card's centre without a pointer. */
export const closestToPointer: CollisionDetection = (args) => {
  const pointer = args.pointerCoordinates;
  if (!pointer) return closestCenter(args);
  const { x, y } = pointer;
  return closestCenter({
    ...args,
    collisionRect: { top: y, bottom: y, left: x, right: x, width: 0, height: 0 },
  });
};

function isPointerEvent(event: Event | null): boolean {
  return typeof MouseEvent !== 'undefined' && event instanceof MouseEvent;
}

/** The top of the grabbed card before the cards fold; read when the drag starts, before that render. */
export function cardTopAtLift(activatorEvent: Event): number | null {
  const target = activatorEvent.target;
  if (!(target instanceof Element) || !isPointerEvent(activatorEvent)) return null;
  return target.closest('li')?.getBoundingClientRect().top ?? null;
}

/** Moves the overlay from the card's folded place back under the pointer by `liftTop` (see `cardTopAtLift`). */
export function overlayAtGrab(liftTop: { current: number | null }): Modifier {
  return ({ transform, activeNodeRect, activatorEvent }) =>
    liftTop.current === null || !activeNodeRect || !isPointerEvent(activatorEvent)
      ? transform
      : { ...transform, y: transform.y + liftTop.current - activeNodeRect.top };
}
