import { getSession } from '../../api/session';

let badge: Promise<typeof import('./badge')> | null = null;

/**
 * H5: the badge's code (the notification routes and their schemas) loads only once someone is signed
 * in. A visitor from a QR poster has no session and no badge; the shell they wait for stays smaller.
 */
export function refreshBadgeOnShow(): void {
  if (!badge && !getSession()) return;
  badge ??= import('./badge');
  void badge.then((m) => m.refreshUnreadBadge());
}
