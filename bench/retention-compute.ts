/**
 * The evaluation alone, in Node: the effective retention of 20 rules over given interval summaries (what each edit
 * costs the preview, twice with the saved rules' result kept), without the browser's rendering around it.
 */
import { computeEffectiveRetention, type RetentionSegmentColumns } from '../src/druid/effective-retention.ts';
import { tryParseInterval } from '../src/druid/interval.ts';
import { parseRules } from '../src/druid/rule-parsing.ts';
import { round } from './cluster-bench.ts';
import { twentyRules } from './retention-bench.ts';
import { median } from './stats.ts';

const QUARTER_HOUR = 900_000;

function parsed(json: unknown[]) {
  const result = parseRules(json);
  if (!result.ok) throw new Error(result.error);
  return result.rules;
}

/** `intervals?simple`'s `{interval: {size, count}}` as columns. */
export function summaryColumns(summaries: Record<string, { size: number; count: number }>) {
  const entries = Object.entries(summaries);
  const columns = {
    start: new Float64Array(entries.length),
    end: new Float64Array(entries.length),
    count: new Float64Array(entries.length),
    size: new Float64Array(entries.length),
  };
  entries.forEach(([text, { size, count }], i) => {
    const parsedInterval = tryParseInterval(text);
    if (!parsedInterval.ok) throw new Error(parsedInterval.error);
    columns.start[i] = parsedInterval.interval.start;
    columns.end[i] = parsedInterval.interval.end;
    columns.count[i] = count;
    columns.size[i] = size;
  });
  return columns;
}

/** Best and median over seven runs after a warm-up. */
export function timeEvaluation(segments: RetentionSegmentColumns, now = Date.now()) {
  const rules = parsed(twentyRules());
  const defaultRules = parsed([{ type: 'loadForever' }]);
  const times: number[] = [];
  for (let run = 0; run < 8; run++) {
    const started = performance.now();
    computeEffectiveRetention({ rules, defaultRules, segments, now });
    if (run > 0) times.push(performance.now() - started);
  }
  return { median: round(median(times)), best: round(Math.min(...times)) };
}

/** The worst case for summaries: every one of `segments` segments in an interval of its own (15 minutes each). */
export function distinctIntervals(segments: number, end = Date.UTC(2024, 0, 1)): RetentionSegmentColumns {
  const first = end - segments * QUARTER_HOUR;
  return {
    start: Float64Array.from({ length: segments }, (_, i) => first + i * QUARTER_HOUR),
    end: Float64Array.from({ length: segments }, (_, i) => first + (i + 1) * QUARTER_HOUR),
    count: new Float64Array(segments).fill(1),
    size: Float64Array.from({ length: segments }, (_, i) => 1_000_000 + (i % 997) * 1000),
  };
}
