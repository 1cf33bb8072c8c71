import { describe, expect, it } from 'vitest';
import { canMove, isOverdue } from './rules';

describe('checklist rules', () => {
  it('moves forward one step at a time, allows rework, and never reopens a closed item', () => {
    expect(canMove('open', 'in_progress')).toBe(true);
    expect(canMove('open', 'closed')).toBe(false);
    expect(canMove('done', 'in_progress')).toBe(true);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('closed', 'closed')).toBe(true);
  });

  it('flags an item overdue the day after its deadline (Beijing time) unless it is done', () => {
    const now = new Date('2026-04-10T17:00:00Z'); // 2026-04-11 01:00 in Beijing
    expect(isOverdue({ status: 'open', deadline: '2026-04-10' }, now)).toBe(true);
    expect(isOverdue({ status: 'in_progress', deadline: '2026-04-11' }, now)).toBe(false);
    expect(isOverdue({ status: 'done', deadline: '2026-01-01' }, now)).toBe(false);
    expect(isOverdue({ status: 'open', deadline: null }, now)).toBe(false);
  });
});
