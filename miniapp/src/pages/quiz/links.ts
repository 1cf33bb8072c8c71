import Taro from '@tarojs/taro';

/** The quiz pages, and how to open them. */
export const quizPages = {
  take: '/pages/quiz/take',
  result: '/pages/quiz/result',
} as const;

export function quizUrl(page: keyof typeof quizPages, query: Record<string, string> = {}): string {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return qs ? `${quizPages[page]}?${qs}` : quizPages[page];
}

export function openQuizPage(page: keyof typeof quizPages, query: Record<string, string> = {}): void {
  void Taro.navigateTo({ url: quizUrl(page, query) });
}
