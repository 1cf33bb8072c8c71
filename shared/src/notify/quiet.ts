import { loudKinds, type NotificationKind } from './kinds';

/** China has one time zone and no daylight saving: local time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

function chinaHour(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
}

export function isQuietHour(at: Date): boolean {
  const h = chinaHour(at);
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
}

/**
 * When a message of this kind emitted at `at` may be sent: at once, or at the next 08:00 China time
 * when it falls in quiet hours (22:00–08:00). A reply to one's own suggestion is never held back.
 */
export function sendableAt(kind: NotificationKind, at: Date): Date {
  if (loudKinds.has(kind) || !isQuietHour(at)) return at;
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_UNTIL_HOUR) - CHINA_OFFSET_MS;
  return new Date(chinaHour(at) >= QUIET_FROM_HOUR ? morning + 86_400_000 : morning);
}
