import { afterEach, describe, expect, it } from 'vitest';
import { setClientTarget } from '../../api/client-target.ts';
import { targetCluster } from '../../api/console-clusters.ts';
import { draftKey } from '../rules/rules-draft-storage.ts';
import { copyComment } from './cluster-compare-page.tsx';

afterEach(() => setClientTarget({ baseUrl: '', cluster: null }));

describe('what the browser keeps per cluster', () => {
  it("keeps rule drafts apart: staging's edits are never offered on prod's editor", () => {
    expect(draftKey('wiki')).toBe('druid-console.rules-draft.wiki');
    targetCluster('prod');
    const prodKey = draftKey('wiki');
    targetCluster('staging');
    expect(new Set(['druid-console.rules-draft.wiki', prodKey, draftKey('wiki')]).size).toBe(3);
  });

  it('names the source cluster in the audit comment of a copy', () => {
    expect(copyComment('staging', 'promote the tested rules')).toBe(
      'Copied from cluster staging: promote the tested rules',
    );
  });
});
