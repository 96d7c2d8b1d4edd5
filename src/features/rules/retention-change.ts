// Moved to src/druid so rules-as-code (and its terminal command) can share it; kept here for this feature's imports.
export * from '../../druid/retention-change.ts';
