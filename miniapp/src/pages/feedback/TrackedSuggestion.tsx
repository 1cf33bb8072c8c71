import { Text, View } from '@tarojs/components';
import { ratingLabels, statusLabels, type Tracked } from '@kaimen/shared';
import { formatDate } from '../../lib/format';
import { displayTrackingCode, formatDateTime } from './format';
import { RatingForm } from './RatingForm';
import { TrackingTimeline } from './TrackingTimeline';

const itemStatusLabels: Record<string, string> = { open: '待整改', in_progress: '整改中', done: '已完成', closed: '已关闭' };

/** What the public may see of a suggestion: never any contact data (the API sends none). */
export function TrackedSuggestion({ code, tracked, onRated }: { code: string; tracked: Tracked; onRated: (t: Tracked) => void }) {
  return (
    <View className="tracked">
      <View className="card">
        <View className="tracked__head">
          <Text className="tracked-status">{statusLabels[tracked.status]}</Text>
          <Text className="muted">查询码 {displayTrackingCode(code)}</Text>
        </View>
        <View className="tracked-campaign muted">{tracked.campaignTitle}</View>
        <View className="tracked-category muted">类别：{tracked.categoryLabel} · 提交于 {formatDateTime(tracked.createdAt)}</View>
        <Text className="tracked-content">{tracked.content}</Text>
      </View>

      <View className="card">
        <View className="tracking-section-title">办理进度</View>
        <TrackingTimeline timeline={tracked.timeline} current={tracked.status} />
      </View>

      {tracked.reply ? (
        <View className="card tracked-reply">
          <View className="tracking-section-title">答复</View>
          <Text className="tracked-reply__text">{tracked.reply.text}</Text>
          <View className="muted">{formatDateTime(tracked.reply.at)}</View>
        </View>
      ) : null}

      {tracked.checklistItem ? (
        <View className="card tracked-checklist">
          <View className="tracking-section-title">整改清单</View>
          <Text className="tracked-checklist__title">{tracked.checklistItem.title}</Text>
          <View className="muted">
            状态：<Text className="tracked-checklist__status">{itemStatusLabels[tracked.checklistItem.status] ?? tracked.checklistItem.status}</Text>
            {tracked.checklistItem.deadline ? ` · 整改时限 ${formatDate(tracked.checklistItem.deadline)}` : ''}
          </View>
        </View>
      ) : null}

      {tracked.rating ? (
        <View className="card tracked-rating">
          <View className="tracking-section-title">您的评价</View>
          <Text className="tracked-rating__value">{ratingLabels[tracked.rating.rating]}</Text>
          {tracked.rating.comment ? <Text className="tracked-rating__comment">{tracked.rating.comment}</Text> : null}
        </View>
      ) : tracked.reply ? (
        <RatingForm trackingCode={code} onRated={onRated} />
      ) : null}
    </View>
  );
}
