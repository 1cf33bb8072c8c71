import { channelLabels, ratingLabels, statusLabels, type AdminSuggestion, type Campaign } from '@kaimen/shared';
import { displayTrackingCode, formatDateTime } from '../format';
import { FollowUpBox, ModerationBar, ReplyBox } from './SuggestionActions';

const moderationLabels = { spam: '无效信息', duplicate: '重复意见' } as const;

/** One suggestion in the inbox, with its contact data (authorised view) and the admin's actions. */
export function SuggestionCard({ suggestion: s, campaign, onChanged }: { suggestion: AdminSuggestion; campaign?: Campaign; onChanged: (s: AdminSuggestion) => void }) {
  const category = campaign?.categories.find((c) => c.key === s.category)?.label ?? s.category;
  const pendingFollowUp = s.rating?.rating === 'unsatisfied' && !s.followUp;
  return (
    <div className="admin-card suggestion-card" data-id={s.id} data-tracking-code={s.trackingCode ?? ''}>
      <div className="suggestion-card__head">
        <span className="admin-tag admin-tag--red suggestion-status">{statusLabels[s.status]}</span>
        <span className="admin-tag">{category}</span>
        <span className="admin-tag">{channelLabels[s.channel]}</span>
        {s.postLabel ? <span className="admin-tag admin-tag--red suggestion-post">先锋岗 · {s.postLabel}</span> : null}
        {s.moderation ? <span className="admin-tag suggestion-moderation">{moderationLabels[s.moderation]}</span> : null}
        <span className="muted">
          {formatDateTime(s.submittedAt)}
          {s.trackingCode ? ` · 查询码 ${displayTrackingCode(s.trackingCode)}` : ''}
          {s.externalId ? ` · 原编号 ${s.externalId}` : ''}
          {` · 编号 ${s.id}`}
        </span>
      </div>
      <div className="suggestion-card__content">{s.content}</div>
      <div className="suggestion-card__contact muted">
        {s.anonymous || !s.contact ? '匿名' : `联系人：${s.contact.name ?? ''} ${s.contact.phone ?? ''}`}
      </div>
      {s.reply ? (
        <div className="suggestion-card__reply">
          <b>答复</b>（{formatDateTime(s.reply.at)}）：{s.reply.text}
        </div>
      ) : null}
      {s.rating ? (
        <div className="suggestion-card__rating">
          <b>评价</b>：<span className="suggestion-rating">{ratingLabels[s.rating.rating]}</span>
          {s.rating.comment ? `（${s.rating.comment}）` : ''}
        </div>
      ) : null}
      {s.followUp ? (
        <div className="suggestion-card__follow-up">
          <b>回访</b>（{formatDateTime(s.followUp.at)}）：{s.followUp.note}
          {s.followUp.outcome ? ` · 回访后：${ratingLabels[s.followUp.outcome]}` : ''}
        </div>
      ) : null}
      <div className="suggestion-card__actions">
        <ReplyBox suggestion={s} onChanged={onChanged} />
        {pendingFollowUp ? <FollowUpBox suggestion={s} onChanged={onChanged} /> : null}
        <ModerationBar suggestion={s} onChanged={onChanged} />
      </div>
    </div>
  );
}
