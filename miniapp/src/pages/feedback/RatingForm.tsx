import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { ratingLabels, ratings, type Rating, type Tracked } from '@kaimen/shared';
import { Button } from '../../ui';
import { ChoiceChips } from './ChoiceChips';
import { useRating } from './useTracking';

const options = ratings.map((r) => ({ value: r, label: ratingLabels[r] }));

/** The one-time rating of a reply: 满意 / 基本满意 / 不满意 and an optional comment. */
export function RatingForm({ trackingCode, onRated }: { trackingCode: string; onRated: (t: Tracked) => void }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, rate } = useRating(trackingCode, onRated);

  return (
    <View className="card rating-form">
      <View className="tracking-section-title">您对答复满意吗？</View>
      <ChoiceChips className="rating-options" options={options} value={rating} onChange={setRating} disabled={busy} />
      <Textarea
        className="rating-comment"
        aria-label="补充说明"
        value={comment}
        maxlength={500}
        placeholder="补充说明（选填，500 字以内）"
        disabled={busy}
        onInput={(e) => setComment(e.detail.value)}
      />
      {error ? <View className="field-error rating-error">{error}</View> : null}
      <Button className="rating-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void rate(rating, comment)}>
        提交评价
      </Button>
      <View className="muted">每条意见只能评价一次。</View>
    </View>
  );
}
