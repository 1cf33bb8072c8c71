import { authRoutes } from '@kaimen/shared/auth/routes';
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { Button } from '../../ui';
import { finishSignIn } from './finishSignIn';

/** Mini-program sign-in: wx.login's code, exchanged for a token by POST /auth/wechat. */
export function WechatSignIn() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const { code } = await Taro.login();
      if (!code) throw new Error('no code');
      await finishSignIn(await call(authRoutes.signInWechat, { body: { code } }));
    } catch (err) {
      setError(err instanceof Error && err.message === 'no code' ? '微信登录失败，请稍后再试' : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="wechat-login">
      <Button className="wechat-login__button" type="primary" block loading={busy} disabled={busy} onClick={() => void signIn()}>
        微信登录
      </Button>
      {error ? <View className="field-error login-error">{error}</View> : null}
    </View>
  );
}
