import { describe, expect, it } from 'vitest';
import { currentStatus, timeline } from './timeline';

describe('suggestion timeline', () => {
  const base = { createdAt: '2026-11-01T00:00:00.000Z' };
  it('starts at received', () => {
    expect(currentStatus(base)).toBe('received');
  });
  it('walks forward through review, reply, checklist and resolution', () => {
    const f = { ...base, reviewedAt: '2026-11-02T00:00:00.000Z', reply: { at: '2026-11-03T00:00:00.000Z' }, checklistItemId: 'i1', talliedAt: '2026-11-04T00:00:00.000Z', itemStatus: 'in_progress' };
    expect(timeline(f).map((s) => s.status)).toEqual(['received', 'under_review', 'replied', 'in_checklist']);
    expect(currentStatus({ ...f, itemStatus: 'done', itemResolvedAt: '2026-11-20T00:00:00.000Z' })).toBe('resolved');
  });
  it('labels each step in Chinese', () => {
    expect(timeline(base)[0]!.label).toBe('已收到');
  });
});
