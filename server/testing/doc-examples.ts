/**
 * Reads the curl examples of the Druid API docs (server/testing/druid-docs/*.md) verbatim, with the sample response
 * documented after each, so a test can replay them against the local cluster.
 */

export const ROUTER_PLACEHOLDER = 'http://ROUTER_IP:ROUTER_PORT';

export interface CurlRequest {
  method: string;
  /** As written, still with the ROUTER_IP:ROUTER_PORT placeholder. */
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export type DocSample =
  | { kind: 'json'; text: string; value: unknown; repairs: string[] }
  | { kind: 'empty' }
  | { kind: 'missing' };

export interface DocExample {
  doc: string;
  /** 1-based line of the ```shell fence. */
  line: number;
  /** The nearest heading above the example, e.g. "Mark all segments used". */
  heading: string;
  curl: string;
  request: CurlRequest;
  sample: DocSample;
}

/** Splits a shell command into words: single and double quotes, backslash escapes and line continuations. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command.charAt(i);
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated single quote');
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word = word ?? '';
      for (i++; i < command.length && command.charAt(i) !== '"'; i++) {
        const next = command.charAt(i + 1);
        if (command.charAt(i) === '\\' && '"\\$`\n'.includes(next)) {
          if (next !== '\n') word += next;
          i++;
        } else word += command.charAt(i);
      }
      if (i >= command.length) throw new Error('Unterminated double quote');
    } else if (c === '\\') {
      const next = command.charAt(i + 1);
      // A backslash before a newline continues the line; before anything else it quotes that character.
      if (next !== '\n') word = (word ?? '') + next;
      i++;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The subset of curl the docs use: --request/-X, --header/-H, --data/-d/--data-raw and one URL. */
export function parseCurl(command: string): CurlRequest {
  const [program, ...args] = shellWords(command);
  if (program !== 'curl') throw new Error(`Not a curl command: ${command.slice(0, 40)}`);
  let method: string | null = null;
  let url: string | null = null;
  const headers: Record<string, string> = {};
  let body: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--request' || arg === '-X') method = value();
    else if (arg === '--header' || arg === '-H') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon < 0) throw new Error(`Bad header ${header}`);
      headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (arg === '--data' || arg === '-d' || arg === '--data-raw') body = value();
    else if (arg.startsWith('-')) throw new Error(`Unsupported curl option ${arg}`);
    else if (url === null) url = arg;
    else throw new Error(`Second URL ${arg}`);
  }
  if (url === null) throw new Error('curl without a URL');
  // curl posts --data as a form unless told otherwise.
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (body !== null && !hasContentType) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return { method: method ?? (body === null ? 'GET' : 'POST'), url, headers, body };
}

/**
 * JSON.parse that tolerates what hand-written doc samples contain: a trailing comma before `}` or `]`. Each repair
 * is reported, so a test can say what it forgave.
 */
export function parseTolerantJson(text: string): { value: unknown; repairs: string[] } {
  const repairs: string[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      out += c;
      if (c === '\\') out += text.charAt(++i);
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1))) {
      const line = text.slice(0, i).split('\n').length;
      repairs.push(`dropped a trailing comma on line ${line} of the sample`);
    } else out += c;
  }
  return { value: JSON.parse(out) as unknown, repairs };
}

interface Fence {
  lang: string;
  start: number;
  end: number;
  text: string;
}

function fences(lines: string[]): Fence[] {
  const result: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const close = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (close < 0) throw new Error(`Unclosed code fence at line ${i + 1}`);
    result.push({ lang: open[1] ?? '', start: i, end: close, text: lines.slice(i + 1, close).join('\n') });
    i = close;
  }
  return result;
}

/**
 * The sample response documented after an example: the first ```json block after its "Sample response" heading,
 * or the sentence announcing an empty body; 'missing' when neither comes before the next example.
 */
function sampleAfter(lines: string[], from: number, until: number, all: Fence[]): DocSample {
  const heading = lines.findIndex((line, i) => i > from && i < until && /^#+\s+Sample response/.test(line));
  if (heading < 0) return { kind: 'missing' };
  const json = all.find((fence) => fence.start > heading && fence.start < until && fence.lang === 'json');
  const prose = lines.slice(heading + 1, json ? json.start : until).join('\n');
  if (/empty response body/i.test(prose)) return { kind: 'empty' };
  if (!json) return { kind: 'missing' };
  return { kind: 'json', text: json.text, ...parseTolerantJson(json.text) };
}

/** Headings of an endpoint's sections rather than of the endpoint (one doc nests them a level deeper). */
const SECTION_HEADING =
  /^(Sample (request|response)|Responses|URL|Headers?|Header parameters|Query parameters|Request body)$/;

export function parseDocExamples(markdown: string, doc: string): DocExample[] {
  const lines = markdown.split('\n');
  const all = fences(lines);
  const shells = all.filter((fence) => fence.lang === 'shell');
  return shells.map((fence, index) => {
    const until = shells[index + 1]?.start ?? lines.length;
    let heading = '';
    for (let i = fence.start; i >= 0 && !heading; i--) {
      const match = /^#{2,3}\s+(.+)$/.exec(lines[i] ?? '');
      if (match && !SECTION_HEADING.test(match[1] ?? '')) heading = match[1] ?? '';
    }
    return {
      doc,
      line: fence.start + 1,
      heading,
      curl: fence.text,
      request: parseCurl(fence.text),
      sample: sampleAfter(lines, fence.end, until, all),
    };
  });
}

/** Where `actual` differs from a documented sample: objects by the sample's keys, arrays element by element. */
export function sampleMismatches(sample: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(sample)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== sample.length) return [`${path}: expected ${sample.length} items, got ${actual.length}`];
    return sample.flatMap((item, i) => sampleMismatches(item, actual[i], `${path}[${i}]`));
  }
  if (sample !== null && typeof sample === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(sample).flatMap(([key, value]) =>
      key in actual
        ? sampleMismatches(value, (actual as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return Object.is(sample, actual)
    ? []
    : [`${path}: expected ${JSON.stringify(sample)}, got ${JSON.stringify(actual)}`];
}
