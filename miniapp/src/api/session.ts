import Taro from '@tarojs/taro';
import type { Session, User } from '@kaimen/shared';

const STORAGE_KEY = 'kaimen.session';

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Session>;
  return typeof s.token === 'string' && typeof s.expiresAt === 'string' && typeof s.user === 'object' && s.user !== null;
}

function notify(session: Session | null): void {
  for (const listener of listeners) listener(session);
}

/** The stored session, or null when there is none or it has expired. */
export function getSession(): Session | null {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  if (!isSession(stored)) return null;
  const expires = Date.parse(stored.expiresAt);
  if (Number.isFinite(expires) && expires <= Date.now()) {
    // Silently: this may run while a component renders, so no listeners are told.
    Taro.removeStorageSync(STORAGE_KEY);
    return null;
  }
  return stored;
}

export function getUser(): User | null {
  return getSession()?.user ?? null;
}

export function setSession(session: Session): void {
  Taro.setStorageSync(STORAGE_KEY, session);
  notify(session);
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } finally {
    notify(null);
  }
}

/** Calls `listener` whenever the session is stored or cleared; returns the unsubscribe function. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
