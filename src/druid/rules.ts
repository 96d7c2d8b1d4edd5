/** The retention-rules API of this library in one place: schemas, parsing and matching. */
export * from './rule-matching.ts';
export * from './rule-parsing.ts';
export * from './rule-schemas.ts';
