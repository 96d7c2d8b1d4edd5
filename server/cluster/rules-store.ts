import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { DEFAULT_RULES_KEY } from '../../src/druid/rule-schemas.ts';
import { type AuditInfo, recordAudit } from './audit-store.ts';
import { compareUtf16 } from './segment-store.ts';

/** druid_rules keeps one row per version; the newest row of a datasource is its current rule list. */
export const DEFAULT_RULES_JSON = JSON.stringify([{ tieredReplicants: { _default_tier: 2 }, type: 'loadForever' }]);

export function getRules(db: Database.Database, dataSource: string): unknown[] {
  const row = db
    .prepare<[string], { payload: string }>(
      'SELECT payload FROM druid_rules WHERE dataSource = ? ORDER BY version DESC, rowid DESC LIMIT 1',
    )
    .get(dataSource);
  return row ? (JSON.parse(row.payload) as unknown[]) : [];
}

/** Every datasource's current rules, `_default` included, sorted by name. */
export function getAllRules(db: Database.Database): Record<string, unknown[]> {
  const rows = db
    .prepare<[], { dataSource: string; payload: string }>(
      `SELECT r.dataSource, r.payload FROM druid_rules r
       WHERE r.rowid = (SELECT r2.rowid FROM druid_rules r2 WHERE r2.dataSource = r.dataSource
                        ORDER BY r2.version DESC, r2.rowid DESC LIMIT 1)`,
    )
    .all()
    .sort((a, b) => compareUtf16(a.dataSource, b.dataSource));
  const all: Record<string, unknown[]> = {};
  for (const row of rows) all[row.dataSource] = JSON.parse(row.payload) as unknown[];
  return all;
}

/** Replaces a datasource's rules and records the audit entry in the same transaction, as SQLMetadataRuleManager. */
export function saveRules(
  db: Database.Database,
  dataSource: string,
  rulesJson: string,
  auditInfo: AuditInfo,
  at: number,
) {
  db.transaction(() => {
    insertRulesRow(db, dataSource, rulesJson, at);
    recordAudit(db, { key: dataSource, type: 'rules', auditInfo, payload: rulesJson, at });
  })();
}

export function insertRulesRow(db: Database.Database, dataSource: string, rulesJson: string, at: number): void {
  const version = formatInstant(at);
  db.prepare('INSERT OR REPLACE INTO druid_rules (id, dataSource, version, payload) VALUES (?, ?, ?, ?)').run(
    `${dataSource}_${version}`,
    dataSource,
    version,
    rulesJson,
  );
}

/** Druid's createDefaultRule: on first start the cluster loads everything twice on the default tier. */
export function ensureDefaultRules(db: Database.Database, at: number): void {
  const exists = db.prepare('SELECT 1 FROM druid_rules WHERE dataSource = ? LIMIT 1').get(DEFAULT_RULES_KEY);
  if (!exists) insertRulesRow(db, DEFAULT_RULES_KEY, DEFAULT_RULES_JSON, at);
}
