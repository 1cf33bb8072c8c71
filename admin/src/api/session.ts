import type { Session } from '@kaimen/shared';

// The same session (token, expiry, user) the mini-program keeps; here in localStorage.
const STORAGE_KEY = 'kaimen.console.session';

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Session>;
  return typeof s.token === 'string' && typeof s.expiresAt === 'string' && typeof s.user === 'object' && s.user !== null;
}

/** The stored session, or null when there is none or it has expired. */
export function getSession(): Session | null {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!isSession(stored)) return null;
  const expires = Date.parse(stored.expiresAt);
  if (Number.isFinite(expires) && expires <= Date.now()) return null;
  return stored;
}

export function setSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  for (const listener of listeners) listener(session);
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(null);
}

/** Calls `listener` whenever the session is stored or cleared; returns the unsubscribe function. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
