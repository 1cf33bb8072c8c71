import { describe, expect, it } from 'vitest';
import { allows, signInIdentity } from './roles';

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

describe('sign-in identity', () => {
  const entry = { id: 'm-1', roles: ['secretary' as const], orgId: 'b1', orgPath: '/jn/b1/' };
  it('keeps an active roster entry (or one without the flag, such as a bureau admin) as it is', () => {
    expect(signInIdentity({ ...entry, active: true })).toEqual({ ...entry, active: true });
    expect(signInIdentity(entry)).toEqual(entry);
  });

  it('signs someone who has left in with no roles and no org', () => {
    expect(signInIdentity({ ...entry, active: false })).toEqual({ id: 'm-1', roles: [], orgId: null, orgPath: null, active: false });
  });
});
