import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Campaign } from '@kaimen/shared';
import { campaignShareLink } from '../links';
import { drawPoster } from './poster';

/** A campaign's share link and its printable QR poster (PNG, drawn in the browser). */
export function PosterPanel({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const link = campaignShareLink(window.location.origin, campaign.id);
  const [poster, setPoster] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    drawPoster({ title: campaign.title, orgName: campaign.orgName, url: link }).then(
      (png) => live && setPoster(png),
      () => live && setError('海报生成失败，请换用新版浏览器'),
    );
    return () => {
      live = false;
    };
  }, [campaign.title, campaign.orgName, link]);

  const copy = () => void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '已复制链接', icon: 'success' }));

  return (
    <div className="admin-card poster-panel">
      <div className="admin-toolbar">
        <span className="admin-title">分享与海报：{campaign.title}</span>
        <button type="button" className="admin-btn poster-close" onClick={onClose}>
          关闭
        </button>
      </div>
      <label className="admin-field">
        <span>分享链接</span>
        <input className="poster-link" readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      <div className="admin-toolbar">
        <button type="button" className="admin-btn poster-copy" onClick={copy}>
          复制链接
        </button>
        {poster ? (
          <a className="admin-btn admin-btn--primary poster-download" href={poster} download={`开门纳谏海报-${campaign.id}.png`}>
            下载海报（PNG）
          </a>
        ) : null}
      </div>
      {error ? <div className="admin-error">{error}</div> : null}
      {poster ? <img className="poster-preview" src={poster} alt={`${campaign.title} 二维码海报`} /> : <div className="muted">海报生成中…</div>}
    </div>
  );
}
