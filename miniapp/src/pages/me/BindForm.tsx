import { authRoutes } from '@kaimen/shared/auth/routes';
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { call, newIdempotencyKey } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';
import { setSession } from '../../api/session';
import { Button, Input } from '../../ui';

/** Binds the signed-in WeChat user to a roster entry (党员名册) with a one-time code from the secretary. */
export function BindForm({ bound }: { bound: boolean }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per code typed: a retry of the same code is the same action.
  const [attempt, setAttempt] = useState({ code: '', key: newIdempotencyKey() });

  const submit = async () => {
    const bindingCode = code.trim();
    const key = attempt.code === bindingCode ? attempt.key : newIdempotencyKey();
    setAttempt({ code: bindingCode, key });
    setBusy(true);
    setError(null);
    try {
      const session = await call(authRoutes.bind, { body: { bindingCode }, idempotencyKey: key });
      setSession(session);
      setCode('');
      setAttempt({ code: '', key: newIdempotencyKey() });
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
    } catch (err) {
      setError((err instanceof ApiError && err.fieldError('bindingCode')) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card bind-form">
      <View className="bind-form__title">绑定党员身份</View>
      <View className="muted">
        {bound ? '如需绑定新的名册身份，请输入支部书记提供的绑定码。' : '请输入支部书记提供的绑定码，绑定后即可参加学习和测试。'}
      </View>
      <Input
        className="bind-code"
        aria-label="绑定码"
        name="bindingCode"
        placeholder="绑定码，如 K7QM-3XPA"
        value={code}
        maxLength={32}
        clearable
        onChange={setCode}
      />
      {error ? <View className="field-error bind-error">{error}</View> : null}
      <Button className="bind-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        绑定
      </Button>
    </View>
  );
}
