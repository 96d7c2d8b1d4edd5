import { describe, expect, it } from 'vitest';
import { defaultRulesConfirmation } from './default-rules-confirmation.tsx';

describe('defaultRulesConfirmation', () => {
  it('asks to type _default when the effect of new defaults could not be counted', () => {
    const confirmation = defaultRulesConfirmation({ status: 'error', error: new Error('down'), retry: () => {} });
    expect(confirmation).toMatchObject({ word: '_default', title: /could not be counted/ });
  });

  it('asks nothing while idle or counting (saving waits for the count)', () => {
    expect(defaultRulesConfirmation({ status: 'idle' })).toBeNull();
    expect(defaultRulesConfirmation({ status: 'loading', progress: { done: 1, total: 4 } })).toBeNull();
  });
});
