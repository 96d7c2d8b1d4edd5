/**
 * Streams a JSON array page by page, so a listing of 200k segments never sits in memory as one string, the
 * database is free between pages (better-sqlite3 cannot run other statements while an iterator is open) and other
 * requests are served in between.
 */
export function jsonArrayStream<Cursor>(
  firstCursor: Cursor,
  nextPage: (cursor: Cursor) => { items: string[]; next: Cursor | null },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = firstCursor;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Every pull must enqueue or close, or the stream stalls: skip empty pages within one pull.
      for (;;) {
        if (cursor === null) {
          controller.enqueue(encoder.encode(first ? '[]' : ']'));
          controller.close();
          return;
        }
        const page = nextPage(cursor);
        cursor = page.next;
        if (page.items.length > 0) {
          controller.enqueue(encoder.encode((first ? '[' : ',') + page.items.join(',')));
          first = false;
          // Let other requests in before the next page: without this the whole listing is produced in one run of
          // the event loop, and a small request sent at the same time waits for all of it.
          await new Promise((resolve) => setImmediate(resolve));
          return;
        }
      }
    },
  });
}
