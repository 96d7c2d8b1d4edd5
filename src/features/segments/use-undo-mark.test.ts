import { describe, expect, it } from 'vitest';
import { undoReport } from './use-undo-mark.ts';

describe('undoReport', () => {
  it('says every segment is back, with the right plural', () => {
    expect(undoReport('markUnused', 1, 1, [])).toEqual({ text: 'Undone: 1 segment is used again.', complete: true });
    expect(undoReport('markUsed', 5, 5, [])).toEqual({ text: 'Undone: 5 segments are unused again.', complete: true });
  });

  it('says how many did not come back, and why', () => {
    const report = undoReport('markUnused', 5, 3, []);
    expect(report.complete).toBe(false);
    expect(report.text).toBe(
      'Restored 3 of 5 segments; the others stay unused (a newer version overshadows them, or they are gone).',
    );
    expect(undoReport('markUsed', 2, 0, ['refused', 'refused']).text).toBe(
      'Restored 0 of 2 segments; the others stay used. Druid said: refused',
    );
  });

  it('does not claim an exact result Druid did not report', () => {
    expect(undoReport('markUnused', 4, null, []).text).toBe('Undo sent: Druid accepted marking 4 segments used again.');
  });
});
