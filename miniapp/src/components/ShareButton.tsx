import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { copyShareLink } from '../hooks/useShare';
import './ShareButton.scss';

/**
 * 分享: in the weapp WeChat's 转发 (the card comes from the page's useShare); in H5 the page's clean
 * address is copied to paste into a chat.
 */
export function ShareButton({ path, label = '分享给他人' }: { path: string; label?: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return <Button className="share-button" openType="share">{label}</Button>;
  }
  const copy = () => void copyShareLink(path).then(
    () => Taro.showToast({ title: '链接已复制，可粘贴发送', icon: 'none' }),
    () => Taro.showToast({ title: '复制失败，请复制地址栏中的链接', icon: 'none' }),
  );
  return <Button className="share-button" onClick={copy}>{label}</Button>;
}
