import { pioneerRoutes } from '@kaimen/shared/pioneer/routes';
import { Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

import { call } from '../../api/client';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../hooks/useLoad';
import { useShare } from '../../hooks/useShare';
import { LoadState } from '../orglife/LoadState';
import './pioneer.scss';

/** The pioneer posts of an institution (`?orgId=`) or of a campaign's tree (`?campaignId=`). */
export default function PioneerListPage() {
  const { orgId, campaignId } = useRouter().params;
  const list = useLoad(
    () => (campaignId ? call(pioneerRoutes.campaignPosts, { params: { campaignId } }) : call(pioneerRoutes.institutionPosts, { params: { orgId: orgId ?? '' } })),
    [orgId, campaignId],
  );
  const path = campaignId ? `/pages/pioneer/list?campaignId=${campaignId}` : `/pages/pioneer/list?orgId=${orgId ?? ''}`;
  useShare(() => ({ title: '党员先锋岗：亮身份、亮承诺', path }));
  const items = list.data?.items ?? [];
  return (
    <Screen title="党员先锋岗" className="pioneer-list-page">
      <View className="card">
        <View className="section-title">{items[0] && !campaignId ? items[0].institutionName : '党员先锋岗'}</View>
        <LoadState loading={list.loading} error={list.error} empty={list.data && items.length === 0 ? '还没有公开的先锋岗' : undefined} />
        {items.map((p) => (
          <View key={p.id} className="pioneer-list-item" onClick={() => void Taro.navigateTo({ url: `/pages/pioneer/card?id=${p.id}` })}>
            {p.photoUrl ? <Image className="pioneer-list-item__photo" src={p.photoUrl} mode="aspectFill" /> : <View className="pioneer-list-item__photo" />}
            <View>
              <View className="pioneer-card__name">{p.name}</View>
              <View className="pioneer-card__line">{p.kindLabel} · {p.window}</View>
              <View className="muted">{p.institutionName}</View>
            </View>
          </View>
        ))}
      </View>
    </Screen>
  );
}
