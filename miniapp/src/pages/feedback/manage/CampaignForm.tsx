import { useRef, useState } from 'react';
import { defaultCategories, routes, type Campaign } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/error';
import { categoriesToLines, isDefaultSet, linesToCategories } from './categoryLines';
import { dateOfEnd, dateOfStart, endOfDayIso, localDate, startOfDayIso } from './dates';
import { FieldMessage, errorsByField } from './FieldError';

interface Props {
  /** The campaign being edited; a new one when absent. */
  campaign?: Campaign;
  defaultOrgId: string;
  onSaved: (c: Campaign) => void;
  onCancel: () => void;
}

function initialFields(c: Campaign | undefined, defaultOrgId: string) {
  const today = new Date();
  const inTwoMonths = new Date(today.getFullYear(), today.getMonth() + 2, today.getDate());
  return {
    title: c?.title ?? '',
    description: c?.description ?? '',
    ownCategories: c ? !isDefaultSet(c.categories) : false,
    categories: categoriesToLines(c?.categories ?? defaultCategories),
    opens: c ? dateOfStart(c.opensAt) : localDate(today),
    closes: c ? dateOfEnd(c.closesAt) : localDate(inTwoMonths),
    orgId: c?.orgId ?? defaultOrgId,
    reportChannel: c?.reportChannel ?? '',
    status: 'draft' as 'draft' | 'open',
  };
}

/** Create or edit a campaign: title, committed fixes, categories, dates, owning org, report channel. */
export function CampaignForm({ campaign, defaultOrgId, onSaved, onCancel }: Props) {
  const [f, setF] = useState(() => initialFields(campaign, defaultOrgId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) => setF((prev) => ({ ...prev, [key]: value }));

  const save = async () => {
    if (!f.opens || !f.closes) {
      setErrors({ [f.opens ? 'closesAt' : 'opensAt']: '请选择日期' });
      return;
    }
    const common = {
      title: f.title,
      description: f.description,
      opensAt: startOfDayIso(f.opens),
      closesAt: endOfDayIso(f.closes),
      reportChannel: f.reportChannel.trim(),
      categories: f.ownCategories ? linesToCategories(f.categories, campaign?.categories) : [...defaultCategories],
    };
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      if (campaign) {
        onSaved(await call(routes.updateCampaign, { params: { campaignId: campaign.id }, body: common }));
      } else {
        const body = { ...common, orgId: f.orgId.trim(), status: f.status };
        const text = JSON.stringify(body);
        if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
        onSaved(await call(routes.createCampaign, { body, idempotencyKey: attempt.current.key }));
      }
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? errorsByField(err.problem.errors) : {};
      setErrors(fieldErrors);
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="admin-card campaign-form">
      <div className="admin-title">{campaign ? '修改活动' : '新建征求意见活动'}</div>
      <label className="admin-field">
        <span>活动标题</span>
        <input className="campaign-form-title" value={f.title} maxLength={60} onChange={(e) => set('title', e.target.value)} />
        <FieldMessage errors={errors} path="title" />
      </label>
      <label className="admin-field">
        <span>主动公开整治的问题和措施</span>
        <textarea className="campaign-form-description" rows={5} value={f.description} onChange={(e) => set('description', e.target.value)} />
        <FieldMessage errors={errors} path="description" />
      </label>
      <div className="admin-field">
        <span>意见类别</span>
        <label>
          <input type="radio" name="categoryMode" checked={!f.ownCategories} onChange={() => set('ownCategories', false)} /> 默认十二类
        </label>
        <label>
          <input className="campaign-form-own-categories" type="radio" name="categoryMode" checked={f.ownCategories} onChange={() => set('ownCategories', true)} /> 自定义（每行一个类别）
        </label>
        {f.ownCategories ? (
          <textarea className="campaign-form-categories" rows={8} value={f.categories} onChange={(e) => set('categories', e.target.value)} />
        ) : (
          <span className="muted">{defaultCategories.map((c) => c.label).join('、')}</span>
        )}
        <FieldMessage errors={errors} path="categories" />
      </div>
      <div className="admin-row">
        <label className="admin-field">
          <span>开始日期</span>
          <input className="campaign-form-opens" type="date" value={f.opens} onChange={(e) => set('opens', e.target.value)} />
          <FieldMessage errors={errors} path="opensAt" />
        </label>
        <label className="admin-field">
          <span>结束日期（含当天）</span>
          <input className="campaign-form-closes" type="date" value={f.closes} onChange={(e) => set('closes', e.target.value)} />
          <FieldMessage errors={errors} path="closesAt" />
        </label>
        <label className="admin-field">
          <span>主办组织编号</span>
          <input className="campaign-form-org" value={f.orgId} disabled={!!campaign} onChange={(e) => set('orgId', e.target.value)} />
          <FieldMessage errors={errors} path="orgId" />
        </label>
        {campaign ? null : (
          <label className="admin-field">
            <span>保存后</span>
            <select className="campaign-form-status" value={f.status} onChange={(e) => set('status', e.target.value as 'draft' | 'open')}>
              <option value="draft">暂不发布（草稿）</option>
              <option value="open">立即开启</option>
            </select>
          </label>
        )}
      </div>
      <label className="admin-field">
        <span>举报方式（电话、邮箱等，向社会公开）</span>
        <input className="campaign-form-report" value={f.reportChannel} maxLength={300} onChange={(e) => set('reportChannel', e.target.value)} />
        <FieldMessage errors={errors} path="reportChannel" />
      </label>
      {formError ? <div className="admin-error campaign-form-error">{formError}</div> : null}
      <div className="admin-toolbar">
        <button type="button" className="admin-btn admin-btn--primary campaign-form-save" disabled={busy} onClick={() => void save()}>
          {busy ? '保存中…' : '保存'}
        </button>
        <button type="button" className="admin-btn campaign-form-cancel" disabled={busy} onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
