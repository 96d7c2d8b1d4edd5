import { describe, expect, it } from 'vitest';
import { jsonArrayStream } from './json-stream.ts';

describe('jsonArrayStream', () => {
  it('writes the pages as one JSON array', async () => {
    const stream = jsonArrayStream(0, (n) => ({ items: n === 1 ? [] : [`{"n":${n}}`], next: n < 2 ? n + 1 : null }));
    expect(JSON.parse(await new Response(stream).text())).toEqual([{ n: 0 }, { n: 2 }]);
    expect(await new Response(jsonArrayStream(0, () => ({ items: [], next: null }))).text()).toBe('[]');
  });

  it('lets other requests run between pages instead of producing the whole listing at once', async () => {
    const events: string[] = [];
    const stream = jsonArrayStream(0, (n) => {
      events.push(`page ${n}`);
      return { items: [String(n)], next: n < 3 ? n + 1 : null };
    });
    setImmediate(() => events.push('other request'));
    // Read as a server does when the socket keeps up: one read after the other, with no I/O in between.
    const reader = stream.getReader();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    expect(text).toBe('[0,1,2,3]');
    expect(events.slice(0, events.indexOf('page 3'))).toContain('other request');
  });
});
