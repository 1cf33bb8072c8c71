import { useEffect, useState } from 'react';
import type { Session } from '@kaimen/shared';
import { getSession, onSessionChange } from '../api/session';

/** The current session, re-rendering when it is stored or cleared. */
export function useSession(): Session | null {
  const [session, setState] = useState(getSession);
  useEffect(() => onSessionChange(setState), []);
  return session;
}
