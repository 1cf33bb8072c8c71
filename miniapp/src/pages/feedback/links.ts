import Taro from '@tarojs/taro';

/** The feedback pages, and how to open them. */
export const feedbackPages = {
  index: '/pages/feedback/index',
  campaign: '/pages/feedback/campaign',
  submit: '/pages/feedback/submit',
  track: '/pages/feedback/track',
} as const;

type FeedbackPage = keyof typeof feedbackPages;

export function pageUrl(page: FeedbackPage, query: Record<string, string> = {}): string {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return qs ? `${feedbackPages[page]}?${qs}` : feedbackPages[page];
}

export function openPage(page: FeedbackPage, query: Record<string, string> = {}): void {
  void Taro.navigateTo({ url: pageUrl(page, query) });
}

/** The public H5 address of a campaign, for share links and QR posters. */
export function campaignShareLink(origin: string, campaignId: string): string {
  return `${origin}/#${pageUrl('campaign', { id: campaignId })}`;
}
