import { type Dispatch, type RefObject, type SetStateAction, useEffect } from 'react';
import { panWindow, type TimeWindow, zoomWindow } from './timeline-scale.ts';

/**
 * Wheel zoom (around the pointer), Shift+wheel or horizontal wheel pan, and drag-to-pan on the plot. The wheel
 * listener is registered by hand because React's is passive and could not stop the page from scrolling.
 */
export function useTimelineGestures(
  plotRef: RefObject<HTMLElement | null>,
  trackRef: RefObject<HTMLElement | null>,
  setView: Dispatch<SetStateAction<TimeWindow>>,
) {
  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const track = () => trackRef.current?.getBoundingClientRect() ?? plot.getBoundingClientRect();

    // Wheels fire many events per frame; apply them once per frame so a fast scroll stays one render a frame.
    let pending: { zoom: number; anchor: number; pan: number } | null = null;
    let frame = 0;
    const flush = () => {
      frame = 0;
      const change = pending;
      pending = null;
      if (change) setView((view) => panWindow(zoomWindow(view, change.zoom, change.anchor), change.pan));
    };
    const onWheel = (event: WheelEvent) => {
      const rect = track();
      if (rect.width <= 0) return;
      event.preventDefault();
      const next = pending ?? { zoom: 1, anchor: 0.5, pan: 0 };
      const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (horizontal) {
        const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        next.pan += delta / rect.width;
      } else {
        next.anchor = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
        next.zoom *= 2 ** (event.deltaY / 300);
      }
      pending = next;
      if (!frame) frame = requestAnimationFrame(flush);
    };

    let drag: { x: number; pointer: number } | null = null;
    const onDown = (event: PointerEvent) => {
      // Marks are buttons: a press on one selects it and must not start a pan.
      if (event.button !== 0 || (event.target as HTMLElement).closest('button')) return;
      drag = { x: event.clientX, pointer: event.pointerId };
      plot.setPointerCapture(event.pointerId);
      plot.classList.add('dragging');
    };
    const onMove = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointer) return;
      const width = track().width;
      const dx = event.clientX - drag.x;
      drag.x = event.clientX;
      if (width > 0 && dx !== 0) setView((view) => panWindow(view, -dx / width));
    };
    const onUp = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointer) return;
      drag = null;
      plot.classList.remove('dragging');
      if (plot.hasPointerCapture(event.pointerId)) plot.releasePointerCapture(event.pointerId);
    };

    plot.addEventListener('wheel', onWheel, { passive: false });
    plot.addEventListener('pointerdown', onDown);
    plot.addEventListener('pointermove', onMove);
    plot.addEventListener('pointerup', onUp);
    plot.addEventListener('pointercancel', onUp);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      plot.removeEventListener('wheel', onWheel);
      plot.removeEventListener('pointerdown', onDown);
      plot.removeEventListener('pointermove', onMove);
      plot.removeEventListener('pointerup', onUp);
      plot.removeEventListener('pointercancel', onUp);
    };
  }, [plotRef, trackRef, setView]);
}
