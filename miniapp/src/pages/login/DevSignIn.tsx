import { authRoutes } from '@kaimen/shared/auth/routes';
import { useState } from 'react';
import { View } from '@tarojs/components';

import { call } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';
import { Button, Input } from '../../ui';
import { finishSignIn } from './finishSignIn';

/** The demo users of the seed data (API.md, "Sign-in"). */
const demoUsers = [
  { openid: 'dev-member', label: '党员', className: 'dev-login-member' },
  { openid: 'dev-secretary', label: '支部书记', className: 'dev-login-secretary' },
  { openid: 'dev-admin', label: '管理员', className: 'dev-login-admin' },
] as const;

/** H5 sign-in for development: POST /auth/dev with an openid (the API answers 404 outside local/test). */
export function DevSignIn() {
  const [openid, setOpenid] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      await finishSignIn(await call(authRoutes.signInDev, { body: { openid: id } }));
    } catch (err) {
      setError((err instanceof ApiError && err.fieldError('openid')) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="dev-login">
      <View className="dev-login__title">开发环境登录</View>
      <View className="muted">选择演示账号，或填写 openid。</View>
      <View className="dev-login__users">
        {demoUsers.map((u) => (
          <Button key={u.openid} className={u.className} type="primary" fill="outline" disabled={busy} onClick={() => void signIn(u.openid)}>
            {u.label}
          </Button>
        ))}
      </View>
      <Input className="dev-login-openid" name="openid" aria-label="openid" placeholder="openid，如 dev-member" value={openid} maxLength={64} clearable onChange={setOpenid} />
      <Button className="dev-login-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void signIn(openid.trim())}>
        登录
      </Button>
      {error ? <View className="field-error login-error">{error}</View> : null}
    </View>
  );
}
