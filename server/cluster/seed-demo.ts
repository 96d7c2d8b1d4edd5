import { parseInstant } from '../../src/druid/instant.ts';
import type { AuditInfo } from './audit-store.ts';
import { recordAudit } from './audit-store.ts';
import type { ClusterContext } from './context.ts';
import { insertRulesRow } from './rules-store.ts';
import { insertSegments } from './segment-insert.ts';
import type { NewSegment } from './segment-records.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (text: string) => parseInstant(text);

/** A deterministic size between 4 and 9 MB, so sizes vary without randomness in tests. */
function sizeOf(seed: number): number {
  return 4_000_000 + ((seed * 7_919) % 5_000_000);
}

function* wikipediaHour(): Generator<NewSegment> {
  const start = at('2015-09-12T00:00:00.000Z');
  for (let h = 0; h < 24; h++) {
    yield {
      dataSource: 'wikipedia_hour',
      start: start + h * HOUR,
      end: start + (h + 1) * HOUR,
      version: '2023-08-10T04:12:03.860Z',
      size: sizeOf(h),
      used: true,
    };
  }
}

function* daily(
  dataSource: string,
  first: string,
  days: number,
  version: string,
  used: (day: number) => boolean,
  partitions = 1,
) {
  const start = at(first);
  for (let d = 0; d < days; d++) {
    for (let p = 0; p < partitions; p++) {
      yield {
        dataSource,
        start: start + d * DAY,
        end: start + (d + 1) * DAY,
        version,
        partitionNum: p,
        partitions,
        size: sizeOf(d * 3 + p),
        used: used(d),
      };
    }
  }
}

function* socialMedia(): Generator<NewSegment> {
  for (let m = 0; m < 36; m++) {
    const year = 2019 + Math.floor((m + 5) / 12);
    const month = ((m + 5) % 12) + 1;
    const start = Date.UTC(year, month - 1, 1);
    const end = Date.UTC(year, month, 1);
    const dropped = start >= at('2020-01-01T00:00:00Z') && end <= at('2022-02-01T00:00:00Z');
    yield {
      dataSource: 'social_media',
      start,
      end,
      version: '2023-07-01T00:00:00.000Z',
      size: sizeOf(m),
      used: !dropped,
    };
  }
}

/** Several versions (v2 overshadows January's v1), partitions, and used and unused segments mixed. */
function* salesEvents(): Generator<NewSegment> {
  const v1 = '2024-04-01T00:00:00.000Z';
  const v2 = '2024-05-01T00:00:00.000Z';
  for (const s of daily('sales_events', '2024-01-01T00:00:00Z', 31, v1, () => false, 3)) {
    yield { ...s, used: s.start === at('2024-01-01T00:00:00Z') && s.partitionNum === 0 };
  }
  yield* daily('sales_events', '2024-01-01T00:00:00Z', 31, v2, () => true);
  yield* daily('sales_events', '2024-02-01T00:00:00Z', 29, v1, (d) => d < 9 || d > 18, 3);
  yield* daily('sales_events', '2024-03-01T00:00:00Z', 31, v1, () => true);
}

const DOCS_AUDIT: AuditInfo = { author: 'console', identity: null, comment: 'test', ip: '127.0.0.1' };
const SOCIAL_2020 = { interval: '2020-01-01T00:00:00.000Z/2022-02-01T00:00:00.000Z', type: 'dropByInterval' };
const SOCIAL_2010 = {
  interval: '2010-01-01T00:00:00.000Z/2020-01-01T00:00:00.000Z',
  tieredReplicants: { _default_tier: 2 },
  type: 'loadByInterval',
};
const LOAD_FOREVER = { tieredReplicants: { _default_tier: 2 }, type: 'loadForever' };

/** The rule changes of the Druid docs' history sample, in order; the last one per datasource is current. */
const HISTORY: Array<[string, unknown[], string]> = [
  [
    'social_media',
    [{ interval: '2023-01-01T00:00:00.000Z/2023-02-01T00:00:00.000Z', type: 'dropByInterval' }],
    '2023-07-13T18:05:33.066Z',
  ],
  ['social_media', [], '2023-07-18T18:10:21.203Z'],
  ['wikipedia_api', [LOAD_FOREVER], '2023-07-18T18:10:44.519Z'],
  ['wikipedia_api', [], '2023-07-18T18:11:02.110Z'],
  [
    'social_media',
    [{ interval: '2023-07-03T18:49:54.848Z/2023-07-03T18:49:55.861Z', type: 'dropByInterval' }],
    '2023-07-18T18:32:50.060Z',
  ],
  ['social_media', [SOCIAL_2020], '2023-07-18T18:34:09.657Z'],
  ['social_media', [SOCIAL_2020, LOAD_FOREVER], '2023-07-18T18:38:37.223Z'],
  ['social_media', [SOCIAL_2020, SOCIAL_2010], '2023-07-18T18:49:43.964Z'],
];

const KTTM_RULES = [
  { type: 'broadcastForever' },
  { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
  { type: 'dropByPeriod', period: 'P1M', includeFuture: true },
];

/** Demo data that makes every example of the Druid data-management and retention-rules docs work verbatim. */
export function seedDemo(ctx: ClusterContext): void {
  insertSegments(ctx, [
    ...wikipediaHour(),
    ...daily('kttm1', '2019-08-25T00:00:00Z', 14, '2023-06-01T00:00:00.000Z', () => true),
    ...socialMedia(),
    ...daily('wikipedia_api', '2016-06-27T00:00:00Z', 7, '2023-07-01T00:00:00.000Z', () => true),
    ...salesEvents(),
    ...daily('données_ventes_été', '2024-07-01T00:00:00Z', 10, '2024-07-15T00:00:00.000Z', (d) => d < 7),
  ]);
  ctx.db.transaction(() => {
    const kttmAt = at('2023-07-10T09:00:00.000Z');
    const kttmJson = JSON.stringify(KTTM_RULES);
    insertRulesRow(ctx.db, 'kttm1', kttmJson, kttmAt);
    recordAudit(ctx.db, {
      key: 'kttm1',
      type: 'rules',
      auditInfo: { author: 'doc intern', identity: null, comment: 'submitted via api', ip: '127.0.0.1' },
      payload: kttmJson,
      at: kttmAt,
    });
    for (const [key, rules, time] of HISTORY) {
      const json = JSON.stringify(rules);
      insertRulesRow(ctx.db, key, json, at(time));
      recordAudit(ctx.db, { key, type: 'rules', auditInfo: DOCS_AUDIT, payload: json, at: at(time) });
    }
  })();
}
