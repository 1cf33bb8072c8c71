import { Text, View } from '@tarojs/components';
import type { Campaign } from '@kaimen/shared';
import { formatDate } from '../../lib/format';

/** One open campaign: title, description and when it closes. Tapping it opens the campaign. */
export function CampaignCard({ campaign, onOpen }: { campaign: Campaign; onOpen?: () => void }) {
  return (
    <View className="card campaign-card" data-id={campaign.id} onClick={onOpen}>
      <Text className="campaign-card__title">{campaign.title}</Text>
      <Text className="campaign-card__description">{campaign.description}</Text>
      <View className="campaign-card__foot">
        <Text className="campaign-card__closes muted">截止日期：{formatDate(campaign.closesAt)}</Text>
        <Text className="campaign-card__go nowrap">我要建言 ›</Text>
      </View>
    </View>
  );
}
