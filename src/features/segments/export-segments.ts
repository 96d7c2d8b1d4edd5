/** Copying and exporting selected segments: IDs as lines, records as JSON or CSV (RFC 4180 quoting). */
import type { SegmentRecord } from '../../api/segments.ts';
import { formatInstant } from '../../druid/instant.ts';

const CSV_COLUMNS = ['id', 'state', 'start', 'end', 'version', 'partition', 'size', 'replication', 'unusedSince'];

function exportable(record: SegmentRecord) {
  return {
    id: record.id,
    state: record.state,
    start: formatInstant(record.start),
    end: formatInstant(record.end),
    version: record.version,
    partition: record.partition,
    size: record.size,
    replication: record.replication,
    unusedSince: record.lastUpdated === null ? null : formatInstant(record.lastUpdated),
  };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function segmentsToCsv(records: readonly SegmentRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const record of records) {
    const row = exportable(record) as Record<string, unknown>;
    lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function segmentsToJson(records: readonly SegmentRecord[]): string {
  return `${JSON.stringify(records.map(exportable), null, 2)}\n`;
}

/** A file name safe on every OS: `wikipedia_hour-segments-24.csv`. */
export function exportFileName(dataSource: string, count: number, extension: 'csv' | 'json'): string {
  const safe = dataSource.replace(/[^\p{L}\p{N}_.-]+/gu, '_') || 'datasource';
  return `${safe}-segments-${count}.${extension}`;
}

/** Clipboard API, with a hidden-textarea fallback for non-secure origins (plain http on a LAN). */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The browser refused to copy.');
}
