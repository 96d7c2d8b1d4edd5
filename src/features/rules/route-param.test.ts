import { describe, expect, it } from 'vitest';
import { dataSourceFromRoute, rulesEditorPath } from './route-param.ts';

describe('datasource names in the route', () => {
  it('survives the router decoding the path with decodeURI', () => {
    for (const name of ['wikipedia', 'données_ventes_été', 'a/b?c#d&e', '_default', '<b>x</b> 50%']) {
      const path = rulesEditorPath(name);
      const param = decodeURI(path.slice('/rules/'.length));
      expect(dataSourceFromRoute(param)).toBe(name);
    }
  });
});
