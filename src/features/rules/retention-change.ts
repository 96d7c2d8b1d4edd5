// Moved to src/druid so rules-as-code, rules-fleet and the terminal command share it; kept here for this feature's imports.
export * from '../../druid/retention-change.ts';
