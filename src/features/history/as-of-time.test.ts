import { describe, expect, it } from 'vitest';
import { asOfText, readAsOfTime } from './as-of-time.ts';

const NOW = Date.parse('2026-11-26T11:00:00.000Z');

describe('readAsOfTime', () => {
  it('reads 24-hour UTC with a space or a T, dates alone at midnight, and ISO instants with offsets', () => {
    expect(readAsOfTime('2026-11-20 14:30', NOW)).toEqual({ ok: true, time: Date.parse('2026-11-20T14:30:00Z') });
    expect(readAsOfTime('2026-11-20T14:30:05', NOW)).toEqual({ ok: true, time: Date.parse('2026-11-20T14:30:05Z') });
    expect(readAsOfTime('2026-11-20', NOW)).toEqual({ ok: true, time: Date.parse('2026-11-20T00:00:00Z') });
    expect(readAsOfTime('2026-11-20T16:30+02:00', NOW)).toEqual({ ok: true, time: Date.parse('2026-11-20T14:30Z') });
  });

  it('refuses empty text, nonsense and the future in plain words', () => {
    expect(readAsOfTime(' ', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/^Enter a time/) });
    expect(readAsOfTime('yesterday', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a time/) });
    expect(readAsOfTime('2026-11-27 00:00', NOW)).toMatchObject({
      ok: false,
      error: 'That is in the future; pick a time before 2026-11-26 11:00.',
    });
  });

  it('writes a time back as text the field reads again', () => {
    const time = Date.parse('2026-11-20T14:30:05Z');
    expect(asOfText(time)).toBe('2026-11-20 14:30:05');
    expect(readAsOfTime(asOfText(time), NOW)).toEqual({ ok: true, time });
  });
});
