import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DevSignIn } from './DevSignIn';
import { FEEDBACK_TAB } from './finishSignIn';
import { WechatSignIn } from './WechatSignIn';
import { Screen } from '../../components/Screen';
import './index.scss';

/** Sign-in: WeChat in the mini-program, the dev picker in H5. Suggestions need no account. */
export default function LoginPage() {
  return (
    <Screen title="登录" tab className="login-page">
      <View className="login-page__brand">
        <Text className="login-page__name">开门</Text>
        <Text className="login-page__slogan">司法行政党建学习与开门纳谏</Text>
      </View>
      <View className="card">{process.env.TARO_ENV === 'h5' ? <DevSignIn /> : <WechatSignIn />}</View>
      <View className="login-page__public" onClick={() => void Taro.switchTab({ url: FEEDBACK_TAB })}>
        <Text className="login-skip">不登录，直接提意见建议<Text className="nowrap"> ›</Text></Text>
      </View>
    </Screen>
  );
}
