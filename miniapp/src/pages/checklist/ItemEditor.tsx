import { useState } from 'react';
import { canMove, itemStatuses, itemStatusLabels, type AdminItem } from '@kaimen/shared';
import type { ItemPatch } from './useAdminChecklist';

interface Props {
  item: AdminItem;
  others: AdminItem[];
  busy: boolean;
  onSave: (body: ItemPatch) => Promise<boolean>;
  onMerge: (from: string) => Promise<boolean>;
  onMove: (suggestionId: string, toItemId?: string) => Promise<boolean>;
  onClose: () => void;
}

/** Only what changed, so that a save never overwrites a field the clerk did not touch. */
function changes(item: AdminItem, form: { title: string; owner: string; deadline: string; target: string; status: AdminItem['status']; progress: string; published: boolean; locked: boolean }): ItemPatch {
  const body: ItemPatch = {};
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  if (form.title.trim() && form.title.trim() !== item.title) body.title = form.title.trim();
  if (opt(form.owner) !== item.owner) body.owner = opt(form.owner);
  if (opt(form.deadline) !== item.deadline) body.deadline = opt(form.deadline);
  if (opt(form.target) !== item.target) body.target = opt(form.target);
  if (form.status !== item.status) body.status = form.status;
  if (form.progress.trim()) body.progress = form.progress.trim();
  if (form.published !== item.published) body.published = form.published;
  if (form.locked !== item.locked) body.locked = form.locked;
  return body;
}

/** Edits one checklist item: its remediation fields, its timeline, merging and moving suggestions. */
export function ItemEditor({ item, others, busy, onSave, onMerge, onMove, onClose }: Props) {
  const [form, setForm] = useState({
    title: item.title, owner: item.owner ?? '', deadline: item.deadline ?? '', target: item.target ?? '',
    status: item.status, progress: '', published: item.published, locked: item.locked,
  });
  const [mergeFrom, setMergeFrom] = useState('');
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const body = changes(item, form);
  const save = async () => {
    if (await onSave(body)) set('progress', '');
  };

  return (
    <div className="checklist-editor">
      <div className="checklist-editor__head">
        <b>编辑整改事项</b>
        <button type="button" className="ck-btn checklist-editor__close" onClick={onClose}>关闭</button>
      </div>
      <label className="ck-field">
        <span>问题描述（标题）</span>
        <input className="ck-title" value={form.title} maxLength={40} onChange={(e) => set('title', e.target.value)} />
      </label>
      <label className="ck-field">
        <span>责任单位（人）</span>
        <input className="ck-owner" value={form.owner} maxLength={60} onChange={(e) => set('owner', e.target.value)} />
      </label>
      <label className="ck-field">
        <span>完成时限</span>
        <input className="ck-deadline" type="date" value={form.deadline} onChange={(e) => set('deadline', e.target.value)} />
      </label>
      <label className="ck-field">
        <span>整改目标</span>
        <textarea className="ck-target" value={form.target} maxLength={300} onChange={(e) => set('target', e.target.value)} />
      </label>
      <label className="ck-field">
        <span>状态</span>
        <select className="ck-status" value={form.status} onChange={(e) => set('status', e.target.value as AdminItem['status'])}>
          {itemStatuses.filter((s) => canMove(item.status, s)).map((s) => (
            <option key={s} value={s}>{itemStatusLabels[s]}</option>
          ))}
        </select>
      </label>
      <label className="ck-field">
        <span>新增整改进展</span>
        <textarea className="ck-progress" value={form.progress} maxLength={500} placeholder="如：已制定周末值班表" onChange={(e) => set('progress', e.target.value)} />
      </label>
      <label className="ck-check">
        <input className="ck-published" type="checkbox" checked={form.published} onChange={(e) => set('published', e.target.checked)} />
        向社会公开
      </label>
      <label className="ck-check">
        <input className="ck-locked" type="checkbox" checked={form.locked} onChange={(e) => set('locked', e.target.checked)} />
        锁定（自动归并不再加入新意见）
      </label>
      <div>
        <button type="button" className="ck-btn ck-btn--primary ck-save" disabled={busy || Object.keys(body).length === 0} onClick={() => void save()}>
          保存
        </button>
      </div>

      <div className="checklist-editor__section">
        <b>整改进展记录</b>
        {item.notes.length === 0 ? <div className="muted">暂无记录</div> : null}
        <ul className="ck-notes">
          {item.notes.map((n, i) => (
            <li key={i}>
              <span className="muted">{n.at.slice(0, 16).replace('T', ' ')} · {n.by}</span>
              {n.status ? <span className="ck-note-status">【{itemStatusLabels[n.status]}】</span> : null}
              {n.text}
            </li>
          ))}
        </ul>
      </div>

      <div className="checklist-editor__section">
        <b>合并事项</b>
        <div className="ck-row">
          <select className="ck-merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)}>
            <option value="">选择要并入本事项的事项</option>
            {others.map((o) => <option key={o.id} value={o.id}>{o.title}（{o.suggestionCount} 条）</option>)}
          </select>
          <button type="button" className="ck-btn ck-merge" disabled={busy || !mergeFrom} onClick={() => void onMerge(mergeFrom).then(() => setMergeFrom(''))}>
            并入本事项
          </button>
        </div>
      </div>

      <div className="checklist-editor__section">
        <b>本事项的意见（最新 {item.samples.length} 条，共 {item.suggestionCount} 条）</b>
        <ul className="ck-samples">
          {item.samples.map((s) => (
            <li key={s.id} className="ck-sample">
              <span className="ck-sample__text">{s.excerpt}</span>
              <select className="ck-move-to" value={moveTo[s.id] ?? ''} onChange={(e) => setMoveTo((m) => ({ ...m, [s.id]: e.target.value }))}>
                <option value="">单独成项</option>
                {others.map((o) => <option key={o.id} value={o.id}>移到：{o.title}</option>)}
              </select>
              <button type="button" className="ck-btn ck-move" disabled={busy} onClick={() => void onMove(s.id, moveTo[s.id] || undefined)}>
                移动
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
