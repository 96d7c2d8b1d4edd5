import { describe, expect, it } from 'vitest';
import {
  canWrite,
  forbiddenWriteMessage,
  markReadOnly,
  resetWritePermissions,
  writeTarget,
} from './write-permissions.ts';

describe('write permissions', () => {
  it('finds the datasource a write targets', () => {
    expect(writeTarget('/druid/coordinator/v1/rules/kttm1')).toBe('kttm1');
    expect(writeTarget('/druid/indexer/v1/datasources/donn%C3%A9es/markUnused')).toBe('données');
    expect(writeTarget('/druid/coordinator/v1/rules/_default')).toBe('_default');
    expect(writeTarget('/druid/coordinator/v1/rules/history')).toBeNull();
  });

  it('words a refusal in terms of what the operator may do', () => {
    expect(forbiddenWriteMessage('/druid/coordinator/v1/rules/kttm1', 'Allowed:false')).toBe(
      'You may read but not change kttm1: Druid refused the change (Allowed:false).',
    );
    expect(forbiddenWriteMessage('/druid/coordinator/v1/rules/_default', 'x')).toContain('the cluster default rules');
  });

  it('remembers refused datasources until reset', () => {
    markReadOnly('a');
    expect(canWrite('a')).toBe(false);
    expect(canWrite('b')).toBe(true);
    resetWritePermissions();
    expect(canWrite('a')).toBe(true);
  });
});
