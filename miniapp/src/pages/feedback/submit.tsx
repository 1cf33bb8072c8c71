import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { StatusBlock } from '../../components/StatusBlock';
import { Button } from '../../ui';
import { campaignIdFrom } from './format';
import { SubmitDone } from './SubmitDone';
import { SubmitForm } from './SubmitForm';
import { useCampaign } from './useCampaign';
import { useSuggestionForm } from './useSuggestionForm';
import { Screen } from '../../components/Screen';
import { useShare } from '../../hooks/useShare';
import { pageUrl } from './links';
import './submit.scss';

/** 我要建言: anyone, signed in or not, writes a suggestion to a campaign. */
export default function SubmitPage() {
  const campaignId = campaignIdFrom(useRouter().params);
  const { campaign, loading, error, reload } = useCampaign(campaignId);
  const form = useSuggestionForm(campaignId);
  useShare(() => ({ title: campaign ? `${campaign.title}：我要建言` : '我要建言', path: pageUrl('submit', { id: campaignId }) }));

  let body;
  if (form.created) body = <SubmitDone trackingCode={form.created.trackingCode} />;
  else if (error) {
    body = (
      <StatusBlock className="campaign-error" tone="error" title="无法打开活动" description={error}>
        <Button className="campaign-retry" type="primary" size="small" onClick={() => void reload()}>
          重试
        </Button>
      </StatusBlock>
    );
  } else if (loading || !campaign) body = <View className="muted page-loading">加载中…</View>;
  else if (campaign.status !== 'open') body = <StatusBlock className="campaign-closed" title="活动未在征求意见期内" description="暂时不能提交意见建议" />;
  else {
    body = (
      <>
        <View className="submit-page__campaign">{campaign.title}</View>
        <SubmitForm campaign={campaign} form={form} />
      </>
    );
  }
  return <Screen title="我要建言" className="submit-page">{body}</Screen>;
}
