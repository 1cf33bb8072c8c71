import { notifyRoutes } from '@kaimen/shared/notify/routes';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { statusLabels } from '@kaimen/shared';
import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { formatDate } from '../../lib/format';
import { Tag } from '../../ui';
import { Screen } from '../../components/Screen';
import './notify.scss';

/** 我的意见: every suggestion this WeChat user submitted, with status and reply, without keeping the code. */
export default function MySuggestionsPage() {
  const session = useRequireSession();
  const mine = useLoad(() => call(notifyRoutes.mySuggestions), [], !!session);
  if (!session) return <Screen title="我的意见" className="my-suggestions" />;
  return (
    <Screen title="我的意见" className="my-suggestions">
      {mine.error ? <StatusBlock tone="error" title="加载失败" description={mine.error} /> : null}
      {mine.data && mine.data.items.length === 0 ? (
        <StatusBlock title="还没有提交过意见" description="登录后提交的意见会出现在这里；没有登录时提交的，请凭查询码查询" />
      ) : null}
      {mine.data?.items.map((s) => (
        <View key={s.id} className="my-sugg" role="button" onClick={() => void Taro.navigateTo({ url: `/pages/feedback/track?code=${encodeURIComponent(s.trackingCode)}` })}>
          <View className="my-sugg__head">
            <Text className="muted">{s.campaignTitle} · {formatDate(s.createdAt)}</Text>
            <Tag type={s.reply ? 'success' : 'default'}>{statusLabels[s.status]}</Tag>
          </View>
          <Text className="my-sugg__content">{s.content}</Text>
          {s.reply ? <Text className="my-sugg__reply">答复：{s.reply.text}</Text> : null}
          <Text className="my-sugg__code">查询码 {s.trackingCode}</Text>
        </View>
      ))}
    </Screen>
  );
}
