/**
 * A reader for Java's `.properties` format, as `java.util.Properties.load` reads Druid's runtime.properties:
 * comment lines starting with `#` or `!`, `key=value`, `key: value` or `key value`, a trailing odd backslash joining
 * the next line (whose leading blanks are dropped), and the escapes `\t \n \r \f \uXXXX` (any other `\c` is `c`).
 * A later key replaces an earlier one, as in Java. Written here rather than taken from npm: it is ~60 lines, and a
 * dependency would change the shared package files every worktree installs from.
 */

export class PropertiesSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const BLANK = /^[ \t\f]*/;

function endsWithOddBackslashes(text: string): boolean {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** `loadConvert`: resolves escapes; throws on a malformed `\uXXXX` as Java does. */
function loadConvert(text: string, line: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const next = text[++i] as string;
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PropertiesSyntaxError('Malformed \\uxxxx encoding.', line);
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 4;
    } else {
      out += { t: '\t', n: '\n', r: '\r', f: '\f' }[next] ?? next;
    }
  }
  return out;
}

/** Splits one logical line at the first unescaped `=`, `:` or blank, then skips blanks and one `=`/`:` after them. */
function splitKeyValue(logical: string): [string, string] {
  let keyEnd = logical.length;
  let escaped = false;
  for (let i = 0; i < logical.length; i++) {
    const c = logical[i] as string;
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if ('=: \t\f'.includes(c)) {
      keyEnd = i;
      break;
    }
  }
  let rest = logical.slice(keyEnd);
  const blankFirst = /^[ \t\f]/.test(rest);
  rest = rest.replace(BLANK, '');
  if (!blankFirst || /^[=:]/.test(rest)) rest = rest.replace(/^[=:]/, '').replace(BLANK, '');
  return [logical.slice(0, keyEnd), rest];
}

/** The properties of a file's text, in file order (a repeated key keeps its first position and last value). */
export function parseJavaProperties(text: string): Map<string, string> {
  const result = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let index = 0;
  while (index < lines.length) {
    const lineNumber = index + 1;
    let logical = (lines[index++] as string).replace(BLANK, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    while (endsWithOddBackslashes(logical)) {
      logical = logical.slice(0, -1);
      if (index >= lines.length) break;
      logical += (lines[index++] as string).replace(BLANK, '');
    }
    const [key, value] = splitKeyValue(logical);
    result.set(loadConvert(key, lineNumber), loadConvert(value, lineNumber));
  }
  return result;
}
