import Taro from '@tarojs/taro';

/** The study pages, and how to open them. */
export const studyPages = {
  topic: '/pages/study/topic',
  lesson: '/pages/study/lesson',
  archive: '/pages/study/archive',
  checkin: '/pages/study/checkin',
} as const;

export type StudyPage = keyof typeof studyPages;

export function studyUrl(page: StudyPage, query: Record<string, string> = {}): string {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return qs ? `${studyPages[page]}?${qs}` : studyPages[page];
}

export function openStudyPage(page: StudyPage, query: Record<string, string> = {}): void {
  void Taro.navigateTo({ url: studyUrl(page, query) });
}
