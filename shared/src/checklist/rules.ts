import type { ItemStatus } from './schemas';

/** Allowed status changes: forward one step, or back to 整改中 from 已完成 (rework). Closing is final. */
const next: Record<ItemStatus, readonly ItemStatus[]> = {
  open: ['in_progress'],
  in_progress: ['done', 'open'],
  done: ['closed', 'in_progress'],
  closed: [],
};

export function canMove(from: ItemStatus, to: ItemStatus): boolean {
  return from === to || next[from].includes(to);
}

/** Past its deadline (a date, Beijing time) and not yet done. */
export function isOverdue(item: { status: ItemStatus; deadline: string | null }, now: Date): boolean {
  if (!item.deadline || item.status === 'done' || item.status === 'closed') return false;
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return item.deadline < today;
}
