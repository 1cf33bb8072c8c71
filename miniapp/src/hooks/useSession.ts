import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Session } from '@kaimen/shared';
import { getSession, onSessionChange } from '../api/session';

export const LOGIN_PAGE = '/pages/login/index';

/** The current session, kept up to date when it is stored, cleared, or the page shows again. */
export function useSession(): Session | null {
  const [session, setSession] = useState<Session | null>(getSession);
  useEffect(() => onSessionChange(setSession), []);
  useDidShow(() => setSession(getSession()));
  return session;
}

let lastRedirect = 0;

/** Opens the login page in place of everything else; several pages asking at once lead to one redirect. */
export function goToLogin(): void {
  const now = Date.now();
  if (now - lastRedirect < 1000) return;
  lastRedirect = now;
  void Taro.reLaunch({ url: LOGIN_PAGE });
}

/** For pages that need a signed-in user: sends the visitor to the login page when there is none. */
export function useRequireSession(): Session | null {
  const session = useSession();
  useEffect(() => {
    if (!session) goToLogin();
  }, [session]);
  return session;
}
