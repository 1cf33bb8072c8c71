import { notifyRoutes } from '@kaimen/shared/notify/routes';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';
import { getSession } from '../../api/session';

/** Index of 我的 in the tab bar (app.config.ts). */
const ME_TAB = 3;

/** Shows the unread count on the 我的 tab (nothing when none or signed out). */
export function showUnread(unread: number): void {
  const done = () => undefined;
  if (unread > 0) void Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  else void Taro.removeTabBarBadge({ index: ME_TAB }).catch(done);
}

export async function refreshUnreadBadge(): Promise<number> {
  if (!getSession()) {
    showUnread(0);
    return 0;
  }
  try {
    const { unread } = await call(notifyRoutes.listNotifications, { query: { limit: '1' } });
    showUnread(unread);
    return unread;
  } catch {
    return 0;
  }
}
