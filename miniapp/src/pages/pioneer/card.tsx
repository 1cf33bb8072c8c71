import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import { pioneerRoutes } from '@kaimen/shared/pioneer/routes';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { Screen } from '../../components/Screen';
import { useLoad } from '../../hooks/useLoad';
import { useShare } from '../../hooks/useShare';
import { Button } from '../../ui';
import { ChoiceChips } from '../feedback/ChoiceChips';
import { LoadState } from '../orglife/LoadState';
import { PostCard } from './PostCard';
import './pioneer.scss';

/** A pioneer post's public card (the 岗牌's QR code opens it): rate it, or leave a suggestion about it. */
export default function PioneerCardPage() {
  const id = useRouter().params.id ?? '';
  const post = useLoad(() => call(pioneerRoutes.publicPost, { params: { postId: id } }), [id], !!id);
  const campaignId = post.data?.campaignId ?? null;
  const campaign = useLoad(() => call(feedbackRoutes.getCampaign, { params: { campaignId: campaignId! } }), [campaignId], !!campaignId);
  const [stars, setStars] = useState(0);
  const [rated, setRated] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [content, setContent] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useShare(() => ({ title: post.data ? `党员先锋岗 · ${post.data.name}` : '党员先锋岗', path: `/pages/pioneer/card?id=${id}` }));

  const rate = async (n: number) => {
    setStars(n);
    setError(null);
    try {
      await call(pioneerRoutes.ratePost, { params: { postId: id }, body: { stars: n } });
      setRated(`感谢您的评价（${n} 星）`);
      await post.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const suggest = async () => {
    if (!campaignId || !category) return setError('请选择意见类别');
    setBusy(true);
    setError(null);
    try {
      const r = await call(feedbackRoutes.submitSuggestion, { params: { campaignId }, body: { category, content, anonymous: true, postId: id } });
      setSent(r.trackingCode);
      setContent('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="党员先锋岗" className="pioneer-card-page">
      <LoadState loading={post.loading} error={post.error} />
      {post.data ? <PostCard post={post.data} /> : null}
      {post.data ? (
        <View className="card">
          <View className="section-title">给这个岗位打分</View>
          <View className="pioneer-stars" role="radiogroup">
            {[1, 2, 3, 4, 5].map((n) => (
              <View key={n} className={`pioneer-star${n <= stars ? ' pioneer-star--on' : ''}`} role="radio" aria-checked={n === stars} aria-label={`${n} 星`} onClick={() => void rate(n)}>★</View>
            ))}
          </View>
          {rated ? <View className="pioneer-done">{rated}</View> : null}
        </View>
      ) : null}
      {post.data && campaign.data ? (
        <View className="card pioneer-suggest">
          <View className="section-title">对这个岗位提意见建议</View>
          {sent ? <View className="pioneer-done">已提交，查询码 {sent}（可在“建言”中查询办理进度）</View> : (
            <>
              <ChoiceChips options={campaign.data.categories.map((c) => ({ value: c.key, label: c.label }))} value={category} onChange={setCategory} />
              <Textarea className="pioneer-textarea" value={content} maxlength={2000} placeholder="请写下您的意见或建议（至少 5 个字），匿名提交" onInput={(e) => setContent(e.detail.value)} />
              <Button type="primary" block loading={busy} disabled={busy} onClick={() => void suggest()}>匿名提交</Button>
            </>
          )}
        </View>
      ) : null}
      {error ? <View className="field-error">{error}</View> : null}
    </Screen>
  );
}
