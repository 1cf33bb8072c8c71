import { describe, expect, it } from 'vitest';
import { routesByFunction, type AnyRoute, type FunctionName } from '@kaimen/shared';
import type { Binding } from './lib/api';

// Each function's index names its route table and loads its bindings at the first request; they must match.
describe('each function’s bindings', () => {
  for (const fn of Object.keys(routesByFunction) as FunctionName[]) {
    it(`serve exactly the ${fn} route table, each route once`, async () => {
      const { bindings } = (await import(`./${fn}/bindings.ts`)) as { bindings: Binding[] };
      const table = Object.values(routesByFunction[fn] as Record<string, AnyRoute>).map((r) => r.id);
      const bound = bindings.map((b) => b.route.id);
      expect(bound.slice().sort()).toEqual(table.slice().sort());
      expect(new Set(bound).size).toBe(bound.length);
    });
  }
});
