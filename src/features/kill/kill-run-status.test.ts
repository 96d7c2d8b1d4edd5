import { describe, expect, it } from 'vitest';
import { killRunTitle } from './kill-run-status.tsx';

describe('killRunTitle', () => {
  it('follows the task to its outcome', () => {
    expect(killRunTitle(true, 'RUNNING')).toBe('Kill task running');
    expect(killRunTitle(true, 'SUCCESS')).toBe('Kill task succeeded');
    expect(killRunTitle(true, 'FAILED')).toBe('Kill task failed: see its error');
    expect(killRunTitle(true, 'UNKNOWN')).toBe('Kill task: waiting for its status');
    expect(killRunTitle(false, 'UNKNOWN')).toBe('Kill task not found');
  });
});
