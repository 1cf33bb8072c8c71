import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../ui';
import { displayTrackingCode } from './format';
import { openPage } from './links';
import { SubscribeCard } from '../notify/SubscribeCard';
import { getSession } from '../../api/session';

/** After submitting: the tracking code, large, with a copy button and the way to the tracking page. */
export function SubmitDone({ trackingCode }: { trackingCode: string }) {
  const code = displayTrackingCode(trackingCode);
  const copy = () => void Taro.setClipboardData({ data: code }).then(
    () => Taro.showToast({ title: '已复制', icon: 'success' }),
    () => Taro.showToast({ title: '复制失败，请手动记下', icon: 'none' }),
  );

  return (
    <View className="card submit-done">
      <Text className="submit-done__title">提交成功</Text>
      <Text className="muted">请保存查询码，凭码查看办理进度和答复：</Text>
      <Text className="tracking-code" selectable userSelect>
        {code}
      </Text>
      <Button className="tracking-copy" type="primary" fill="outline" onClick={copy}>
        复制查询码
      </Button>
      <Button className="tracking-open" type="primary" block onClick={() => openPage('track', { code: trackingCode })}>
        查询办理进度
      </Button>
      {getSession() ? <SubscribeCard groups={['progress']} label="答复后通知我" hint="答复后通知您，也可在「我的 → 我的意见」查看" /> : null}
    </View>
  );
}
