import { describe, expect, it } from 'vitest';
import { allows } from './roles';

describe('route access', () => {
  it('orders roles admin ⊃ secretary ⊃ member', () => {
    expect(allows('member', ['admin'], true)).toBe(true);
    expect(allows('secretary', ['secretary'], true)).toBe(true);
    expect(allows('secretary', ['member'], true)).toBe(false);
    expect(allows('admin', ['secretary'], true)).toBe(false);
  });

  it('lets anyone use public routes and any signed-in user use user routes', () => {
    expect(allows('public', [], false)).toBe(true);
    expect(allows('user', [], true)).toBe(true);
    expect(allows('user', [], false)).toBe(false);
    expect(allows('member', [], true)).toBe(false);
  });
});
