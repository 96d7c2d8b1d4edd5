/**
 * Where a JSON text first goes wrong, as a character offset. JSON.parse says so only in some engines and versions
 * ("at position 42"), so a file's syntax error could not be located for everyone; this scanner validates without
 * building values and stops at the first character that cannot continue the text.
 */
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** Sticky: matches at lastIndex only, without copying the rest of the text. */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first syntax error, or null when `text` is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  let pos = 0;
  const fail = (): never => {
    throw pos;
  };
  const skip = () => {
    while (WHITESPACE.has(text.charAt(pos))) pos++;
  };
  const expect = (char: string) => {
    if (text.charAt(pos) !== char) fail();
    pos++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text.charAt(pos);
      if (char === '' || char < ' ') fail();
      pos++;
      if (char === '"') return;
      if (char === '\\') {
        const escaped = text.charAt(pos);
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 1, pos + 5))) fail();
          pos += 5;
        } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') pos++;
        else fail();
      }
    }
  };
  const value = (): void => {
    skip();
    const char = text.charAt(pos);
    if (char === '{') {
      pos++;
      skip();
      if (text.charAt(pos) === '}') {
        pos++;
        return;
      }
      for (;;) {
        skip();
        string();
        skip();
        expect(':');
        value();
        skip();
        if (text.charAt(pos) === '}') {
          pos++;
          return;
        }
        expect(',');
      }
    }
    if (char === '[') {
      pos++;
      skip();
      if (text.charAt(pos) === ']') {
        pos++;
        return;
      }
      for (;;) {
        value();
        skip();
        if (text.charAt(pos) === ']') {
          pos++;
          return;
        }
        expect(',');
      }
    }
    if (char === '"') {
      string();
      return;
    }
    LITERAL.lastIndex = pos;
    const literal = LITERAL.exec(text);
    if (!literal) fail();
    pos += (literal as RegExpExecArray)[0].length;
  };
  try {
    value();
    skip();
    if (pos < text.length) fail();
    return null;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}
