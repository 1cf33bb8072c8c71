import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { StatusBlock } from '../../components/StatusBlock';
import { Button } from '../../ui/Button';
import { campaignIdFrom, campaignStatusLabels, formatPeriod } from './format';
import { openPage } from './links';
import { openChecklist } from '../checklist/links';
import { useCampaign } from './useCampaign';
import { Screen } from '../../components/Screen';
import { useShare } from '../../hooks/useShare';
import { ShareButton } from '../../components/ShareButton';
import { pageUrl } from './links';
import './campaign.scss';

/** One campaign: what the bureau has committed to fix, its dates and where to report problems. Opens from a QR scene too. */
export default function CampaignPage() {
  const campaignId = campaignIdFrom(useRouter().params);
  const { campaign, loading, error, reload } = useCampaign(campaignId);
  const path = pageUrl('campaign', { id: campaignId });
  useShare(() => ({ title: campaign ? `${campaign.title}：欢迎提出意见建议` : '开门纳谏：欢迎提出意见建议', path }));

  if (error) {
    return (
      <Screen title="征求意见活动" className="campaign-page">
        <StatusBlock className="campaign-error" tone="error" title="无法打开活动" description={error}>
          <Button className="campaign-retry" type="primary" size="small" onClick={() => void reload()}>
            重试
          </Button>
        </StatusBlock>
      </Screen>
    );
  }
  if (loading || !campaign) return <Screen title="征求意见活动" className="campaign-page"><View className="muted page-loading">加载中…</View></Screen>;

  const open = campaign.status === 'open';
  return (
    <Screen title="征求意见活动" className="campaign-page">
      <View className="card">
        <Text className="campaign-page__title">{campaign.title}</Text>
        <View className="campaign-page__meta muted">
          <Text className={`campaign-status campaign-status--${campaign.status}`}>{campaignStatusLabels[campaign.status]}</Text>
          <Text className="campaign-period">{formatPeriod(campaign.opensAt, campaign.closesAt)}</Text>
        </View>
        {campaign.orgName ? <View className="campaign-org muted">主办：{campaign.orgName}</View> : null}
      </View>
      <View className="card">
        <View className="campaign-page__heading">主动公开整治的问题和措施</View>
        <Text className="campaign-description">{campaign.description || '暂无说明'}</Text>
      </View>
      {campaign.reportChannel ? (
        <View className="card">
          <View className="campaign-page__heading">举报方式</View>
          <Text className="campaign-report-channel">{campaign.reportChannel}</Text>
        </View>
      ) : null}
      <Button
        className="campaign-submit"
        type="primary"
        block
        disabled={!open}
        onClick={() => openPage('submit', { id: campaign.id })}
      >
        {open ? '我要建言' : campaign.status === 'draft' ? '活动尚未开始' : '活动已结束'}
      </Button>
      <View className="campaign-track-link campaign-checklist-link" onClick={() => openChecklist('public', campaign.id)}>
        <Text>查看整改清单</Text><Text className="nowrap"> ›</Text>
      </View>
      <View className="campaign-track-link campaign-pioneer-link" onClick={() => void Taro.navigateTo({ url: `/pages/pioneer/list?campaignId=${campaign.id}` })}>
        <Text>党员先锋岗：亮身份、亮承诺</Text><Text className="nowrap"> ›</Text>
      </View>
      <View className="campaign-track-link" onClick={() => openPage('track')}>
        <Text>已提交过？查询办理进度</Text><Text className="nowrap"> ›</Text>
      </View>
      <ShareButton path={path} />
    </Screen>
  );
}
