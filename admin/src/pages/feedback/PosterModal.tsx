import { useEffect, useState } from 'react';
import { App, Button, Input, Modal, Space, Spin } from 'antd';
import type { Campaign } from '@kaimen/shared';
import { campaignShareLink } from '../../api/links';
import { drawPoster } from './poster';

/** A campaign's share link and its printable A4 QR poster (PNG drawn in the browser). */
export function PosterModal({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [poster, setPoster] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const link = campaign ? campaignShareLink(campaign.id) : '';

  useEffect(() => {
    if (!campaign) return;
    let live = true;
    setPoster(null);
    setError(null);
    drawPoster({ title: campaign.title, orgName: campaign.orgName, url: link }).then(
      (png) => live && setPoster(png),
      () => live && setError('海报生成失败，请换用新版浏览器'),
    );
    return () => {
      live = false;
    };
  }, [campaign, link]);

  const copy = () => navigator.clipboard.writeText(link).then(() => message.success('已复制链接'), () => message.error('复制失败，请手动选中链接复制'));

  return (
    <Modal open={campaign !== null} title={campaign ? `分享与海报：${campaign.title}` : ''} onCancel={onClose} width={560}
      footer={<Button onClick={onClose}>关闭</Button>} rootClassName="poster-modal">
      <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
        <Input className="poster-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        <Button onClick={() => void copy()}>复制链接</Button>
      </Space.Compact>
      {error && <div className="ant-form-item-explain-error">{error}</div>}
      {poster ? (
        <div style={{ textAlign: 'center' }}>
          <img className="poster-preview" src={poster} alt={`${campaign?.title ?? ''} 二维码海报`} style={{ width: 300, border: '1px solid #f0f0f0' }} />
          <div style={{ marginTop: 12 }}>
            <Button type="primary" className="poster-download" href={poster} download={`开门纳谏海报-${campaign?.id ?? ''}.png`}>下载海报（PNG，A4）</Button>
          </div>
        </div>
      ) : !error && <Spin tip="海报生成中…"><div style={{ height: 200 }} /></Spin>}
    </Modal>
  );
}
