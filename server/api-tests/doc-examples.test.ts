import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocExample,
  parseCurl,
  parseDocExamples,
  parseTolerantJson,
  ROUTER_PLACEHOLDER,
  sampleMismatches,
  shellWords,
} from '../testing/doc-examples.ts';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, getJson, OVERLORD, wikiHourId } from './api-helpers.ts';

/**
 * Every curl example of the two Druid API docs, read verbatim from server/testing/druid-docs/ and run in the
 * documents' order against ONE fresh demo cluster, each compared with the sample response documented after it:
 * JSON samples by their fields (the docs show a subset of Druid 32+ shapes), "empty response body" exactly.
 *
 * How samples that disagree with each other are checked:
 * - Five samples describe a state the preceding examples do not leave (the docs were written from separate sessions:
 *   e.g. "mark all unused" reports 24 right after an example marked hour 16 unused, and "mark all used" then reports
 *   1). The doc itself says which state each assumes (a sentence of the example, or the history sample's timeline).
 *   PRECONDITIONS below establishes that state through the API first and says why; the request and the comparison
 *   stay verbatim and strict. A test below shows that without them exactly these five samples disagree.
 * - The "Get an array of all retention rules" sample has a trailing comma; it is parsed tolerantly and the repair
 *   is asserted, so a fixed doc shows up here.
 * - The retention-rules doc's HTTP tab sends `_default_tier: 1` where its curl sends 2: only curl examples run.
 */
const DOCS = ['data-management-api.md', 'retention-rules-api.md'];
const RULES = '/druid/coordinator/v1/rules';

const examples: DocExample[] = DOCS.flatMap((doc) =>
  parseDocExamples(readFileSync(new URL(`../testing/druid-docs/${doc}`, import.meta.url), 'utf8'), doc),
);

interface Precondition {
  why: string;
  setup(cluster: TestCluster): Promise<void>;
}

async function expectOk(response: Promise<{ status: number; text: string }>) {
  const { status, text } = await response;
  expect(status, text).toBe(200);
}

const PRECONDITIONS: Record<string, Precondition> = {
  'Mark a single segment as used': {
    why: 'the sample reports a change, so hour 18 was unused; the demo seed has every hour used',
    setup: (cluster) => expectOk(call(cluster, 'DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(18)}`)),
  },
  'Mark all segments unused': {
    why: 'the sample counts all 24 segments, so all were used; the first example left hour 16 unused',
    setup: (cluster) => expectOk(call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(16)}`)),
  },
  'Mark all segments used': {
    why: 'the doc says "`wikipedia_hour` contains one unused segment eligible to be marked as used"',
    setup: async (cluster) => {
      await expectOk(call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/markUsed`, { body: { interval: '2015/2016' } }));
      await expectOk(call(cluster, 'DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(16)}`));
    },
  },
  'Get an array of all retention rules': {
    why:
      'the sample shows _default as Druid creates it (the previous example replaced it) and social_media as of ' +
      'the first entry of the history sample (2023-07-13T18:05:33.066Z)',
    setup: async (cluster) => {
      await expectOk(call(cluster, 'POST', `${RULES}/_default`, { body: [LOAD_FOREVER] }));
      await expectOk(call(cluster, 'POST', `${RULES}/social_media`, { body: [SOCIAL_2023_JANUARY] }));
    },
  },
  'Get an array of retention rules for a datasource': {
    why: 'the sample shows social_media as of the last entry of the history sample (2023-07-18T18:49:43.964Z)',
    setup: (cluster) => expectOk(call(cluster, 'POST', `${RULES}/social_media`, { body: SOCIAL_CURRENT })),
  },
};

const LOAD_FOREVER = { tieredReplicants: { _default_tier: 2 }, type: 'loadForever' };
const SOCIAL_2023_JANUARY = { interval: '2023-01-01T00:00:00.000Z/2023-02-01T00:00:00.000Z', type: 'dropByInterval' };
const SOCIAL_CURRENT = [
  { interval: '2020-01-01T00:00:00.000Z/2022-02-01T00:00:00.000Z', type: 'dropByInterval' },
  {
    interval: '2010-01-01T00:00:00.000Z/2020-01-01T00:00:00.000Z',
    tieredReplicants: { _default_tier: 2 },
    type: 'loadByInterval',
  },
];

describe('the docs as parsed', () => {
  it('hold 7 data-management and 5 retention-rules curl examples, each with a sample response', () => {
    expect(examples.filter((example) => example.doc === DOCS[0])).toHaveLength(7);
    expect(examples.filter((example) => example.doc === DOCS[1])).toHaveLength(5);
    for (const example of examples) {
      expect(example.sample.kind, `${example.doc}:${example.line}`).not.toBe('missing');
      expect(example.request.url.startsWith(ROUTER_PLACEHOLDER)).toBe(true);
    }
  });

  it('use every precondition exactly once', () => {
    for (const heading of Object.keys(PRECONDITIONS)) {
      expect(examples.filter((example) => example.heading === heading).map((e) => e.heading)).toEqual([heading]);
    }
  });

  it('have exactly one repaired sample: the trailing comma of "Get an array of all retention rules"', () => {
    const repaired = examples.filter((example) => example.sample.kind === 'json' && example.sample.repairs.length);
    expect(repaired.map((example) => example.heading)).toEqual(['Get an array of all retention rules']);
  });
});

/** Runs an example verbatim (the placeholder replaced) and lists how its answer differs from the sample. */
async function run(cluster: TestCluster, example: DocExample): Promise<{ text: string; problems: string[] }> {
  const { method, url, headers, body } = example.request;
  const response = await fetch(url.replace(ROUTER_PLACEHOLDER, cluster.baseUrl), {
    method,
    headers,
    body: body ?? undefined,
  });
  const text = await response.text();
  if (response.status !== 200) return { text, problems: [`status ${response.status}`] };
  if (example.sample.kind === 'empty') return { text, problems: text === '' ? [] : ['body not empty'] };
  if (example.sample.kind !== 'json') return { text, problems: ['no sample'] };
  return { text, problems: sampleMismatches(example.sample.value, JSON.parse(text)) };
}

describe('every curl example, in order, against one demo cluster', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster.stop());

  it.each(examples.map((example) => [`${example.doc}:${example.line} ${example.heading}`, example] as const))(
    '%s',
    async (_name, example) => {
      const precondition = PRECONDITIONS[example.heading];
      if (precondition) await precondition.setup(cluster);
      const result = await run(cluster, example);
      const context = `${example.request.method} ${example.request.url}${precondition ? ` (precondition: ${precondition.why})` : ''}\n${result.text}`;
      expect(result.problems, context).toEqual([]);
    },
  );

  it('leaves the kill task the last example submitted', async () => {
    const tasks = await getJson<Array<{ id: string }>>(cluster, '/druid/indexer/v1/tasks?datasource=wikipedia_hour');
    expect(tasks.map((task) => task.id)).toEqual([
      expect.stringMatching(/^api-issued_kill_wikipedia_hour_[a-p]{8}_2015-09-12T00:00:00\.000Z_2015-09-13T00/),
    ]);
  });
});

it('without the preconditions, exactly the samples they are for disagree', async () => {
  const cluster = await startTestCluster();
  try {
    const disagreeing: string[] = [];
    for (const example of examples) {
      if ((await run(cluster, example)).problems.length > 0) disagreeing.push(example.heading);
    }
    expect(disagreeing).toEqual(Object.keys(PRECONDITIONS));
  } finally {
    await cluster.stop();
  }
});

describe('the parser', () => {
  it('splits shell words with quotes, escapes and line continuations', () => {
    expect(shellWords(`curl "a b" \\\n--data '{\n"x": 1\n}' c\\ d "e\\"f"`)).toEqual([
      'curl',
      'a b',
      '--data',
      '{\n"x": 1\n}',
      'c d',
      'e"f',
    ]);
  });

  it('reads curl options, defaulting to POST with --data and to a form content type', () => {
    expect(parseCurl(`curl "http://h/x" --data '[]'`)).toEqual({
      method: 'POST',
      url: 'http://h/x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '[]',
    });
    expect(parseCurl(`curl -X DELETE 'http://h/y' -H 'Accept: a, b'`)).toEqual({
      method: 'DELETE',
      url: 'http://h/y',
      headers: { Accept: 'a, b' },
      body: null,
    });
    expect(() => parseCurl(`curl --user a:b http://h`)).toThrow(/Unsupported/);
  });

  it('forgives trailing commas outside strings only', () => {
    expect(parseTolerantJson('{"a": [1, 2,],\n"b": ",}",\n}')).toEqual({
      value: { a: [1, 2], b: ',}' },
      repairs: ['dropped a trailing comma on line 1 of the sample', 'dropped a trailing comma on line 2 of the sample'],
    });
  });

  it('compares by the sample: extra fields pass, different or missing ones do not', () => {
    expect(sampleMismatches({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
    expect(sampleMismatches({ a: 1 }, { a: 2 })).toEqual(['$.a: expected 1, got 2']);
    expect(sampleMismatches({ a: 1 }, {})).toEqual(['$.a: missing']);
    expect(sampleMismatches([1], [1, 2])).toEqual(['$: expected 1 items, got 2']);
  });
});
