// Moved to src/druid so the rules-fleet feature can compare outcomes too; kept here for this feature's imports.
export * from '../../druid/retention-change.ts';
