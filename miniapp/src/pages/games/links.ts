import Taro from '@tarojs/taro';

/** The game pages, and how to open them. */
export const gamePages = {
  index: '/pages/games/index',
  daily: '/pages/games/daily',
  challenge: '/pages/games/challenge',
  duel: '/pages/games/duel',
  mistakes: '/pages/games/mistakes',
} as const;

export function gameUrl(page: keyof typeof gamePages, query: Record<string, string> = {}): string {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return qs ? `${gamePages[page]}?${qs}` : gamePages[page];
}

export function openGamePage(page: keyof typeof gamePages, query: Record<string, string> = {}): void {
  void Taro.navigateTo({ url: gameUrl(page, query) });
}
