import { notifyRoutes } from '@kaimen/shared/notify/routes';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type NotificationKind } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';
import { Tag } from '../../ui';

/** 消息设置: each kind on or off for WeChat messages (the inbox keeps them all). */
export function KindSwitches() {
  const settings = useLoad(() => call(notifyRoutes.notificationSettings), []);
  if (!settings.data) return null;
  const kinds = settings.data.kinds;
  const toggle = async (kind: NotificationKind) => {
    const off = kinds.filter((k) => (k.kind === kind ? k.enabled : !k.enabled)).map((k) => k.kind);
    try {
      await call(notifyRoutes.setNotificationPrefs, { body: { off } });
      await settings.reload();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    }
  };
  return (
    <View className="card kind-switches">
      <Text className="section-title">微信通知设置</Text>
      {kinds.map((k) => (
        <View key={k.kind} className="kind-switch" role="switch" aria-checked={k.enabled} aria-label={`${k.label}微信通知`} onClick={() => void toggle(k.kind)}>
          <Text>{k.label}</Text>
          <Tag type={k.enabled ? 'primary' : 'default'}>{k.enabled ? '通知' : '不通知'}</Tag>
        </View>
      ))}
      <Text className="muted">关闭后仍会在消息中显示，只是不再发送微信通知。每类消息每天最多发送几条，22:00–8:00 不打扰（意见答复除外）。</Text>
    </View>
  );
}
