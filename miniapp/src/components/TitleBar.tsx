import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './TitleBar.scss';

export const HOME_PAGE = '/pages/study/index';
const PUBLIC_HOME = '/pages/feedback/index';

/** Back when there is a page to go back to in this app; otherwise to the public 建言 tab (no sign-in needed). */
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: PUBLIC_HOME });
}

/** H5 only: where am I, and how do I get back or home. */
export function TitleBar({ title }: { title: string }) {
  return (
    <View className="title-bar" role="banner">
      <Button className="title-bar__button title-bar__back" aria-label="返回" onClick={goBack}>
        <Text className="title-bar__icon" aria-hidden="true">‹</Text>
        <Text>返回</Text>
      </Button>
      <View className="title-bar__title" role="heading" aria-level={1}>{title}</View>
      <Button className="title-bar__button title-bar__home" aria-label="首页" onClick={() => void Taro.switchTab({ url: PUBLIC_HOME })}>
        首页
      </Button>
    </View>
  );
}
