import { useState } from 'react';
import { channelLabels, channels, statusLabels, suggestionStatuses, type Campaign } from '@kaimen/shared';
import type { InboxFilter } from './useInbox';

/** The inbox filters: category, status, channel, dates, words in the text, moderation. */
export function InboxFilters({ campaign, value, onApply }: { campaign?: Campaign; value: InboxFilter; onApply: (f: InboxFilter) => void }) {
  const [f, setF] = useState(value);
  const set = (key: keyof InboxFilter, v: string) => setF((prev) => ({ ...prev, [key]: v }));

  return (
    <div className="admin-card inbox-filters">
      <div className="admin-row">
        <label className="admin-field">
          <span>类别</span>
          <select className="filter-category" value={f.category} onChange={(e) => set('category', e.target.value)}>
            <option value="">全部</option>
            {(campaign?.categories ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>状态</span>
          <select className="filter-status" value={f.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">全部</option>
            {suggestionStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>渠道</span>
          <select className="filter-channel" value={f.channel} onChange={(e) => set('channel', e.target.value)}>
            <option value="">全部</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {channelLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>标记</span>
          <select className="filter-moderation" value={f.moderation} onChange={(e) => set('moderation', e.target.value)}>
            <option value="">全部</option>
            <option value="none">未标记</option>
            <option value="spam">无效信息</option>
            <option value="duplicate">重复意见</option>
          </select>
        </label>
      </div>
      <div className="admin-row">
        <label className="admin-field">
          <span>提交日期从</span>
          <input className="filter-from" type="date" value={f.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="admin-field">
          <span>至</span>
          <input className="filter-to" type="date" value={f.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label className="admin-field">
          <span>搜索意见内容</span>
          <input className="filter-q" value={f.q} maxLength={50} placeholder="关键词" onChange={(e) => set('q', e.target.value)} onKeyDown={(e) => (e.key === 'Enter' ? onApply(f) : undefined)} />
        </label>
      </div>
      <div className="admin-toolbar">
        <button type="button" className="admin-btn admin-btn--primary filter-apply" onClick={() => onApply(f)}>
          筛选
        </button>
        <button
          type="button"
          className="admin-btn filter-reset"
          onClick={() => {
            const cleared = { ...f, category: '', status: '', channel: '', from: '', to: '', q: '', moderation: '' };
            setF(cleared);
            onApply(cleared);
          }}
        >
          清除条件
        </button>
      </div>
    </div>
  );
}
