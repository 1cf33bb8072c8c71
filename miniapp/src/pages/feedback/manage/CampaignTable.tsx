import { useState } from 'react';
import { routes, type Campaign } from '@kaimen/shared';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/error';
import { formatPeriod } from '../format';
import { openPage } from '../links';

const statusLabels: Record<Campaign['status'], string> = { draft: '草稿', open: '已开启', closed: '已关闭' };

interface Props {
  campaigns: Campaign[];
  onChanged: (c: Campaign) => void;
  onEdit: (c: Campaign) => void;
  onPoster: (c: Campaign) => void;
}

/** The admin's campaigns with their actions: edit, open / close, inbox, statistics, share and poster. */
export function CampaignTable({ campaigns, onChanged, onEdit, onPoster }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const setStatus = async (c: Campaign, status: 'open' | 'closed') => {
    setBusy(c.id);
    setError(null);
    try {
      onChanged(await call(routes.updateCampaign, { params: { campaignId: c.id }, body: { status } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {error ? <div className="admin-error campaign-action-error">{error}</div> : null}
      <table className="admin-table campaign-table">
        <thead>
          <tr>
            <th>活动</th>
            <th>主办</th>
            <th>时间</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id} className="campaign-row" data-id={c.id}>
              <td className="campaign-row__title">{c.title}</td>
              <td>{c.orgName ?? c.orgId}</td>
              <td>{formatPeriod(c.opensAt, c.closesAt)}</td>
              <td>
                <span className={`admin-tag campaign-row__status${c.status === 'open' ? ' admin-tag--red' : ''}`}>{statusLabels[c.status]}</span>
              </td>
              <td>
                <button type="button" className="admin-btn campaign-inbox" onClick={() => openPage('inbox', { campaignId: c.id })}>
                  收件箱
                </button>
                <button type="button" className="admin-btn campaign-stats" onClick={() => openPage('dashboard', { campaignId: c.id })}>
                  统计
                </button>
                <button type="button" className="admin-btn campaign-edit" onClick={() => onEdit(c)}>
                  修改
                </button>
                {c.status === 'open' ? (
                  <button type="button" className="admin-btn campaign-close" disabled={busy === c.id} onClick={() => void setStatus(c, 'closed')}>
                    关闭
                  </button>
                ) : (
                  <button type="button" className="admin-btn campaign-open" disabled={busy === c.id} onClick={() => void setStatus(c, 'open')}>
                    开启
                  </button>
                )}
                <button type="button" className="admin-btn campaign-poster" onClick={() => onPoster(c)}>
                  分享/海报
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
