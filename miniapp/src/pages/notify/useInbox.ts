import { notifyRoutes } from '@kaimen/shared/notify/routes';
import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { type Notification } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { showUnread } from './badge';

/** The inbox: pages of messages newest first, the unread count (and the tab badge), marking read. */
export function useInbox(enabled: boolean) {
  const [items, setItems] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (more: boolean) => {
    setLoading(true);
    setError(null);
    try {
      const page = await call(notifyRoutes.listNotifications, { query: { limit: '20', ...(more && cursor ? { cursor } : {}) } });
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setUnread(page.unread);
      showUnread(page.unread);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [cursor]);

  useDidShow(() => {
    if (enabled) void load(false);
  });

  const markRead = useCallback(async (ids: string[]) => {
    if (ids.length === 0) return;
    const at = new Date().toISOString();
    const { unread: left } = await call(notifyRoutes.readNotifications, { body: { ids: ids.slice(0, 100) } });
    setItems((prev) => prev.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt: at } : n)));
    setUnread(left);
    showUnread(left);
  }, []);

  return { items, unread, loading, error, hasMore: cursor !== null, loadMore: () => load(true), reload: () => load(false), markRead };
}
