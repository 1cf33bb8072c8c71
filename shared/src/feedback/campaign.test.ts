import { describe, expect, it } from 'vitest';
import { effectiveStatus } from './campaign';

describe('campaign status', () => {
  const c = { status: 'open' as const, opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-12-01T00:00:00.000Z' };
  it('is open only between its dates', () => {
    expect(effectiveStatus(c, new Date('2026-10-31T23:59:59Z'))).toBe('draft');
    expect(effectiveStatus(c, new Date('2026-11-15T00:00:00Z'))).toBe('open');
    expect(effectiveStatus(c, new Date('2026-12-01T00:00:00Z'))).toBe('closed');
  });
  it('keeps drafts and closed campaigns as they are', () => {
    expect(effectiveStatus({ ...c, status: 'closed' }, new Date('2026-11-15T00:00:00Z'))).toBe('closed');
    expect(effectiveStatus({ ...c, status: 'draft' }, new Date('2026-11-15T00:00:00Z'))).toBe('draft');
  });
});
