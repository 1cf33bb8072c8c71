import { useEffect, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '../hooks/useElderMode';
import { ELDER_CLASS } from '../lib/elder';
import { TitleBar } from './TitleBar';

interface Props {
  /** The page's title, as in its `*.config.ts`: shown in the H5 title bar of a sub-page. */
  title: string;
  className?: string;
  /** Tab pages (学习, 测试, 建言, 我的) have the tab bar and no title bar. */
  tab?: boolean;
  children?: ReactNode;
}

/**
 * The frame of every phone page: the `page` box, 长辈模式 (the larger theme of app.scss) and, in H5,
 * a title bar with 返回 and 首页 for people who arrive from a QR code or a shared link.
 * In the weapp WeChat draws the title bar (with its own home button when there is nothing to go back to).
 */
export function Screen({ title, className, tab = false, children }: Props) {
  const elder = useElderMode();
  useEffect(focusableScrollBoxes, []);
  return (
    <View className={`page ${elder ? ELDER_CLASS : ''} ${tab ? 'page--tab' : 'page--sub'} ${className ?? ''}`}>
      {process.env.TARO_ENV === 'h5' && !tab ? <TitleBar title={title} /> : null}
      {children}
    </View>
  );
}

/**
 * H5: Taro scrolls each page inside a box of its own; a keyboard user can scroll it only if it takes
 * the focus (the page's tap targets are not focusable elements).
 */
function focusableScrollBoxes(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  for (const box of document.querySelectorAll('.taro_page, .taro-tabbar__panel')) {
    if (!box.hasAttribute('tabindex')) box.setAttribute('tabindex', '0');
  }
}
