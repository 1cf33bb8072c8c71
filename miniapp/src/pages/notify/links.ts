import Taro from '@tarojs/taro';

/** The notify pages. */
export const notifyPages = {
  inbox: '/pages/notify/index',
  suggestions: '/pages/notify/suggestions',
} as const;

const tabPages = new Set(['/pages/study/index', '/pages/quiz/index', '/pages/feedback/index', '/pages/me/index']);

/** Opens a message's link: tab pages by switching tabs, others on top of the inbox. */
export function openLink(link: string): void {
  const path = link.split('?')[0]!;
  if (tabPages.has(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url: link });
}
