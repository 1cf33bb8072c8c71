import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import shareCard from '../assets/share/share-card.png';

export interface ShareCard {
  /** The card's title; the page's subject, e.g. a campaign's title. */
  title: string;
  /** The page and its query, e.g. `/pages/feedback/campaign?id=x`. */
  path: string;
  /** An image for the card (5:4); the app's red 开门 card when the page has none of its own. */
  imageUrl?: string;
}

export const SHARE_IMAGE = shareCard as string;

/**
 * Makes a public page shareable: the weapp's 转发 card and 分享到朋友圈 (the page config must say
 * `enableShareAppMessage` / `enableShareTimeline`). In H5 the address itself is the share: pages
 * keep it clean (path and the ids the page needs, nothing else).
 */
export function useShare(card: () => ShareCard | null): void {
  useShareAppMessage(() => {
    const c = card();
    return c ? { title: c.title, path: c.path, imageUrl: c.imageUrl ?? SHARE_IMAGE } : {};
  });
  useShareTimeline(() => {
    const c = card();
    if (!c) return {};
    const [, query = ''] = c.path.split('?');
    return { title: c.title, query, imageUrl: c.imageUrl ?? SHARE_IMAGE };
  });
}

/** Copies a clean H5 link of a page (used by the 分享 button in H5, where there is no share menu). */
export function shareLinkOf(path: string): string {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return path;
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

export async function copyShareLink(path: string): Promise<void> {
  await Taro.setClipboardData({ data: shareLinkOf(path) });
}
