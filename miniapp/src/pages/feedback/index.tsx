import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { StatusBlock } from '../../components/StatusBlock';
import { Button } from '../../ui';
import { CampaignCard } from './CampaignCard';
import { useOpenCampaigns } from './useOpenCampaigns';
import './index.scss';

/** 建言 (开门纳谏): open campaigns, for everyone, signed in or not. */
export default function FeedbackPage() {
  const { items, nextCursor, loading, error, reload, loadMore } = useOpenCampaigns();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page tab-feedback">
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
          <CampaignCard key={c.id} campaign={c} />
        ))}
      </View>
      {loading ? <View className="muted campaign-loading">加载中…</View> : null}
      {!loading && !error && nextCursor ? (
        <Button className="campaign-more" block fill="outline" onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}
