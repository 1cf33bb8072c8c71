import { useState } from 'react';
import { ratingLabels, ratings, routes, type AdminSuggestion, type Rating } from '@kaimen/shared';
import { call } from '../../../api/client';
import { useSuggestionAction } from './useSuggestionAction';

type Changed = (s: AdminSuggestion) => void;

/** 答复: the reply the public reads on the tracking page (sent again, it replaces the earlier one). */
export function ReplyBox({ suggestion, onChanged }: { suggestion: AdminSuggestion; onChanged: Changed }) {
  const [text, setText] = useState(suggestion.reply?.text ?? '');
  const [open, setOpen] = useState(!suggestion.reply);
  const { busy, error, run } = useSuggestionAction(onChanged);
  if (!open) {
    return (
      <button type="button" className="admin-btn reply-edit" onClick={() => setOpen(true)}>
        修改答复
      </button>
    );
  }
  const send = async () => {
    if (await run(() => call(routes.replySuggestion, { params: { suggestionId: suggestion.id }, body: { text } }))) setOpen(false);
  };
  return (
    <div className="reply-box">
      <textarea className="reply-text" rows={3} placeholder="答复内容（将在查询页向提出人公开，请勿包含他人个人信息）" value={text} onChange={(e) => setText(e.target.value)} />
      {error ? <div className="admin-error reply-error">{error}</div> : null}
      <button type="button" className="admin-btn admin-btn--primary reply-send" disabled={busy} onClick={() => void send()}>
        {busy ? '提交中…' : suggestion.reply ? '更新答复' : '答复'}
      </button>
    </div>
  );
}

/** 不满意清零: record the follow-up call (回访) on an unsatisfied rating, which takes it off the list. */
export function FollowUpBox({ suggestion, onChanged }: { suggestion: AdminSuggestion; onChanged: Changed }) {
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Rating | ''>('');
  const { busy, error, run } = useSuggestionAction(onChanged);
  const send = () =>
    void run(() =>
      call(routes.followUpSuggestion, { params: { suggestionId: suggestion.id }, body: outcome ? { note, outcome } : { note } }),
    );
  return (
    <div className="follow-up-box">
      <div className="admin-tag admin-tag--red">不满意，待回访</div>
      <textarea className="follow-up-note" rows={2} placeholder="回访情况（时间、方式、处理结果）" value={note} onChange={(e) => setNote(e.target.value)} />
      <select className="follow-up-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Rating | '')}>
        <option value="">回访后评价（选填）</option>
        {ratings.map((r) => (
          <option key={r} value={r}>
            {ratingLabels[r]}
          </option>
        ))}
      </select>
      {error ? <div className="admin-error follow-up-error">{error}</div> : null}
      <button type="button" className="admin-btn admin-btn--primary follow-up-send" disabled={busy} onClick={send}>
        记录回访并销号
      </button>
    </div>
  );
}

/** 标记无效信息 / 重复意见 (kept out of the tally), or undo the mark. */
export function ModerationBar({ suggestion, onChanged }: { suggestion: AdminSuggestion; onChanged: Changed }) {
  const [duplicateOf, setDuplicateOf] = useState(suggestion.duplicateOf ?? '');
  const { busy, error, run } = useSuggestionAction(onChanged);
  const mark = (moderation: 'spam' | 'duplicate' | null) => {
    const body = moderation === 'duplicate' && duplicateOf.trim() ? { moderation, duplicateOf: duplicateOf.trim() } : { moderation };
    void run(() => call(routes.moderateSuggestion, { params: { suggestionId: suggestion.id }, body }));
  };
  return (
    <div className="moderation-bar">
      {suggestion.moderation ? (
        <button type="button" className="admin-btn moderation-clear" disabled={busy} onClick={() => mark(null)}>
          取消标记
        </button>
      ) : (
        <>
          <button type="button" className="admin-btn moderation-spam" disabled={busy} onClick={() => mark('spam')}>
            标记为无效信息
          </button>
          <input className="moderation-duplicate-of" placeholder="重复于（意见编号，选填）" value={duplicateOf} onChange={(e) => setDuplicateOf(e.target.value)} />
          <button type="button" className="admin-btn moderation-duplicate" disabled={busy} onClick={() => mark('duplicate')}>
            标记为重复意见
          </button>
        </>
      )}
      {error ? <div className="admin-error moderation-error">{error}</div> : null}
    </div>
  );
}
