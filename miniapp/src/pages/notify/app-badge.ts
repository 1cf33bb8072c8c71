import { refreshUnreadBadge } from './badge';

/** What the app does each time it comes to the front: the 我的 tab's unread badge. */
export function refreshBadgeOnShow(): void {
  void refreshUnreadBadge();
}
