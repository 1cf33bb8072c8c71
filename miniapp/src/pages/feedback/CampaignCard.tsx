import { Text, View } from '@tarojs/components';
import type { Campaign } from '@kaimen/shared';
import { formatDate } from '../../lib/format';

/** One open campaign: title, description and when it closes. */
export function CampaignCard({ campaign }: { campaign: Campaign }) {
  return (
    <View className="card campaign-card">
      <Text className="campaign-card__title">{campaign.title}</Text>
      <Text className="campaign-card__description">{campaign.description}</Text>
      <Text className="campaign-card__closes muted">截止日期：{formatDate(campaign.closesAt)}</Text>
    </View>
  );
}
