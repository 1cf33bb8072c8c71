import Taro from '@tarojs/taro';
import type { Session } from '@kaimen/shared';
import { setSession } from '../../api/session';
import { refreshUnreadBadge } from '../notify/badge';

export const STUDY_TAB = '/pages/study/index';
export const FEEDBACK_TAB = '/pages/feedback/index';

/** Stores the new session, opens the study tab and shows the member's unread count on 我的. */
export async function finishSignIn(session: Session): Promise<void> {
  setSession(session);
  await Taro.switchTab({ url: STUDY_TAB });
  // The app's own onShow ran before sign-in (signed out: no badge) and does not run again on switchTab.
  void refreshUnreadBadge();
}
