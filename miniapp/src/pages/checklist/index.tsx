import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { PublicItem } from '@kaimen/shared';
import { StatusBlock } from '../../components/StatusBlock';
import { Button, Tag } from '../../ui';
import { campaignIdOf } from './links';
import { usePublicChecklist } from './usePublicChecklist';
import { Screen } from '../../components/Screen';
import { ShareButton } from '../../components/ShareButton';
import { useShare } from '../../hooks/useShare';
import { checklistUrl } from './links';
import './index.scss';

const statusTone: Record<PublicItem['status'], 'default' | 'primary' | 'success' | 'warning'> = {
  open: 'default', in_progress: 'primary', done: 'success', closed: 'success',
};

function ItemCard({ item, index }: { item: PublicItem; index: number }) {
  return (
    <View className="card checklist-item">
      <View className="checklist-item__head">
        <Text className="checklist-item__no">{index + 1}</Text>
        <Text className="checklist-item__title">{item.title}</Text>
      </View>
      <View className="checklist-item__tags">
        <Tag className={`checklist-status checklist-status--${item.status}`} type={statusTone[item.status]}>
          {item.statusLabel}
        </Tag>
        {item.overdue ? (
          <Tag className="checklist-overdue" type="danger">
            已逾期
          </Tag>
        ) : null}
        <Text className="muted checklist-item__category">{item.categoryLabel}</Text>
        {item.source === 'suggestion'
          ? <Text className="muted checklist-item__count">{item.suggestionCount} 条意见反映</Text>
          : <Text className="muted checklist-item__source">来源：{item.sourceLabel}</Text>}
      </View>
      <View className="checklist-field">
        <Text className="checklist-field__label">责任单位</Text>
        <Text className="checklist-field__value checklist-owner">{item.owner ?? '待定'}</Text>
      </View>
      <View className="checklist-field">
        <Text className="checklist-field__label">整改目标</Text>
        <Text className="checklist-field__value checklist-target">{item.target ?? '制定中'}</Text>
      </View>
      <View className="checklist-field">
        <Text className="checklist-field__label">完成时限</Text>
        <Text className="checklist-field__value checklist-deadline">{item.deadline ?? '待定'}</Text>
      </View>
      <View className="checklist-field">
        <Text className="checklist-field__label">整改进展</Text>
        <Text className="checklist-field__value checklist-progress">{item.progress ?? '暂无'}</Text>
      </View>
    </View>
  );
}

/** The public remediation checklist of a campaign (整改清单公开): what the bureau committed to fix, and how it goes. */
export default function ChecklistPage() {
  const campaignId = campaignIdOf(useRouter().params);
  const { data, loading, error, reload } = usePublicChecklist(campaignId);
  const path = checklistUrl('public', campaignId);
  useShare(() => ({ title: data ? `${data.campaignTitle}：整改清单公开` : '整改清单公开', path }));

  if (error) {
    return (
      <Screen title="整改清单" className="checklist-page">
        <StatusBlock className="checklist-error" tone="error" title="无法打开整改清单" description={error}>
          <Button className="checklist-retry" type="primary" size="small" onClick={() => void reload()}>
            重试
          </Button>
        </StatusBlock>
      </Screen>
    );
  }
  if (loading || !data) return <Screen title="整改清单" className="checklist-page"><View className="muted page-loading">加载中…</View></Screen>;

  return (
    <Screen title="整改清单" className="checklist-page">
      <View className="card">
        <Text className="checklist-page__title">{data.campaignTitle}</Text>
        <View className="muted checklist-page__summary">根据群众意见建议梳理，已公开 {data.items.length} 项整改事项</View>
      </View>
      {data.items.length === 0 ? (
        <StatusBlock className="checklist-empty" title="整改清单尚未公开" description="整改事项确定后将在这里公开，欢迎监督。" />
      ) : (
        data.items.map((item, i) => <ItemCard key={item.id} item={item} index={i} />)
      )}
      <View className="card">
        <View className="checklist-page__heading">监督举报</View>
        <Text className="checklist-report-channel">{data.reportChannel ?? '可通过本活动页面“我要建言”反映问题'}</Text>
      </View>
      <ShareButton path={path} />
    </Screen>
  );
}
