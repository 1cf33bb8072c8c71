import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Picker } from '../../ui/taro/Picker';
import { type Infer } from '@kaimen/shared';
import { call } from '../../api/client';

type Unit = Infer<typeof feedbackRoutes.listCampaignUnits.response>['items'][number];

/** Optional choice of the unit a suggestion is about, from the campaign's org and the offices under it. */
export function UnitPicker({ campaignId, value, onChange, disabled, error }: { campaignId: string; value: string | null; onChange: (id: string | null) => void; disabled?: boolean; error?: string }) {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    call(feedbackRoutes.listCampaignUnits, { params: { campaignId } }).then((r) => setUnits(r.items), () => setUnits([]));
  }, [campaignId]);
  if (units.length === 0) return null;
  const labels = ['不指定', ...units.map((u) => (u.parentName && u.kind !== 'county' ? `${u.name}（${u.parentName}）` : u.name))];
  const index = value ? units.findIndex((u) => u.id === value) + 1 : 0;
  return (
    <View className="card unit-picker">
      <View className="form-label">被反映单位（可选）</View>
      <Picker mode="selector" range={labels} value={index} disabled={disabled} onChange={(e) => {
        const i = Number(e.detail.value);
        onChange(i > 0 ? units[i - 1]!.id : null);
      }}>
        <View className="unit-picker__value">{labels[index]} <Text className="nowrap">›</Text></View>
      </Picker>
      {error ? <View className="field-error field-error--orgId">{error}</View> : null}
    </View>
  );
}
