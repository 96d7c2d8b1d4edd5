/**
 * Streams a JSON array page by page, so a listing of 200k segments never sits in memory as one string and the
 * database is free between pages (better-sqlite3 cannot run other statements while an iterator is open).
 */
export function jsonArrayStream<Cursor>(
  firstCursor: Cursor,
  nextPage: (cursor: Cursor) => { items: string[]; next: Cursor | null },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = firstCursor;
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
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
      }
    },
  });
}
