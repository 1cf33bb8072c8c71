import { DEFAULT_LIMIT, formatCode, type MySuggestion } from '@kaimen/shared';
import { notifyRoutes as routes } from '@kaimen/shared/notify/routes';
import { bind, type Binding } from '../lib/api';
import { forbidden } from '../lib/problem';
import { trackedView } from '../feedback/tracked-view';
import { getSuggestion } from '../feedback/suggestion-store';
import { failuresIn, requeue } from './failures';
import { inboxPage, markRead } from './inbox';
import { suggestionIdsOf } from './submitter';
import { addCredits, setOff, settingsOf } from './subscriptions';

export const bindings: Binding[] = [
  bind(routes.listNotifications, async ({ query, principal }) =>
    inboxPage(principal.userId, query.limit ?? DEFAULT_LIMIT, query.cursor)),

  bind(routes.readNotifications, async ({ body, principal, now }) =>
    ({ unread: await markRead(principal.userId, body.ids, now.toISOString()) })),

  bind(routes.mySuggestions, async ({ principal }) => {
    const ids = await suggestionIdsOf(principal.openid);
    const items: MySuggestion[] = [];
    for (const id of ids) {
      const s = await getSuggestion(id);
      if (!s) continue;
      items.push({ ...(await trackedView(s)), id: s.id, trackingCode: formatCode(s.trackingCode ?? '') });
    }
    return { items };
  }),

  bind(routes.notificationSettings, async ({ principal }) => settingsOf(principal.userId)),

  bind(routes.setNotificationPrefs, async ({ body, principal }) => {
    await setOff(principal.userId, body.off);
    return settingsOf(principal.userId);
  }),

  bind(routes.recordSubscriptions, async ({ body, principal }) => {
    await addCredits(principal.userId, body.results.filter((r) => r.result === 'accept').map((r) => r.templateKey));
    return settingsOf(principal.userId);
  }),

  bind(routes.notifyFailures, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    return failuresIn(principal.orgPath);
  }),

  bind(routes.retryNotifyFailures, async ({ body, principal, now }) => {
    if (!principal.orgPath) throw forbidden();
    return { requeued: await requeue(principal.orgPath, body.ids, now) };
  }),
];
