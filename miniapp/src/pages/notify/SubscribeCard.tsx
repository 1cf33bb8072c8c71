import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TemplateKey } from '@kaimen/shared';
import { errorMessage } from '../../api/error';
import { Button } from '../../ui';
import { askToSubscribe, canSubscribe, toastOutcome } from './subscribe';
import './notify.scss';

/**
 * 订阅提醒: where a user expects to be told later (after a suggestion, on a quiz or plan, on a
 * secretary's tools). In H5 it says there is no WeChat subscription and points to the inbox.
 */
export function SubscribeCard({ groups, label, hint }: { groups: TemplateKey[]; label: string; hint: string }) {
  const [busy, setBusy] = useState(false);
  if (!canSubscribe) {
    return (
      <View className="subscribe-card subscribe-card--h5">
        <Text className="muted">网页版无法订阅微信消息，{hint}会出现在「我的 → 消息」中。</Text>
      </View>
    );
  }
  const ask = async () => {
    setBusy(true);
    try {
      toastOutcome(await askToSubscribe(groups));
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="subscribe-card">
      <Text className="muted">{hint}</Text>
      <Button className="subscribe-button" size="small" type="primary" fill="outline" loading={busy} onClick={() => void ask()}>
        {label}
      </Button>
    </View>
  );
}
