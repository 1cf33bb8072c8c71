import Taro from '@tarojs/taro';
import type { Session } from '@kaimen/shared';
import { setSession } from '../../api/session';

export const STUDY_TAB = '/pages/study/index';
export const FEEDBACK_TAB = '/pages/feedback/index';

/** Stores the new session and opens the study tab. */
export async function finishSignIn(session: Session): Promise<void> {
  setSession(session);
  await Taro.switchTab({ url: STUDY_TAB });
}
