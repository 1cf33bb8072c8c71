import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { StatusBlock } from '../../components/StatusBlock';
import { useSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { CampaignCard } from './CampaignCard';
import { openPage } from './links';
import { useOpenCampaigns } from './useOpenCampaigns';
import { Screen } from '../../components/Screen';
import { useShare } from '../../hooks/useShare';
import { feedbackPages } from './links';
import './index.scss';

/** 建言 (开门纳谏): open campaigns, for everyone, signed in or not. */
export default function FeedbackPage() {
  const { items, nextCursor, loading, error, reload, loadMore } = useOpenCampaigns();
  const session = useSession();
  // Campaigns, the inbox and the dashboard are managed in the PC console, not on the phone.
  const isAdmin = !!session?.user.roles.includes('admin');

  useShare(() => ({ title: '开门纳谏：您的意见建议，我们认真办理', path: feedbackPages.index }));
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <Screen title="建言" tab className="tab-feedback">
      <View className="card feedback-track-entry" onClick={() => openPage('track')}>
        <Text className="feedback-track-entry__title">查询办理进度</Text>
        <Text className="muted">凭查询码查看意见建议的办理和答复情况<Text className="nowrap"> ›</Text></Text>
      </View>
      {isAdmin ? (
        <View className="card feedback-console-hint">
          <Text className="feedback-track-entry__title">管理征求意见活动</Text>
          <Text className="muted">活动、意见箱、整改清单与数据看板请在电脑浏览器中登录“开门 · 管理后台”办理</Text>
        </View>
      ) : null}
      <View className="section-title">征求意见活动</View>
      {error ? (
        <StatusBlock className="campaign-error" tone="error" title="加载失败" description={error}>
          <Button className="campaign-retry" type="primary" size="small" onClick={() => void reload()}>
            重试
          </Button>
        </StatusBlock>
      ) : null}
      {!error && !loading && items.length === 0 ? (
        <StatusBlock className="campaign-empty" title="暂无进行中的征求意见活动" />
      ) : null}
      <View className="campaign-list">
        {items.map((c) => (
          <CampaignCard key={c.id} campaign={c} onOpen={() => openPage('campaign', { id: c.id })} />
        ))}
      </View>
      {loading ? <View className="muted campaign-loading">加载中…</View> : null}
      {!loading && !error && nextCursor ? (
        <Button className="campaign-more" block fill="outline" onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </Screen>
  );
}
