import { useEffect, useRef, useState } from 'react';
import type { Session } from '@kaimen/shared';
import { getSession, onSessionChange } from '../api/session';

/** The current session, re-rendering when it is stored or cleared. */
export function useSession(): Session | null {
  const [session, setState] = useState(getSession);
  useEffect(() => onSessionChange(setState), []);
  return session;
}

/**
 * The session, or while it has lapsed the last one: pages keep showing (and keep what was typed)
 * under the sign-in dialog instead of going blank.
 */
export function useLastSession(): Session | null {
  const session = useSession();
  const last = useRef(session);
  if (session) last.current = session;
  return session ?? last.current;
}
