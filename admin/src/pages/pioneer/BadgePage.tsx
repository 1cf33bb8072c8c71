import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import QRCode from 'qrcode';
import { routes } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { postShareLink } from './links';
import './badge.css';

type Post = Awaited<ReturnType<typeof call<typeof routes.getPost>>>;

/** 亮岗牌: a printable card for the member's desk, its QR code opening the public card. */
export default function BadgePage() {
  const { postId = '' } = useParams();
  const [post, setPost] = useState<Post | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const p = await call(routes.getPost, { params: { postId } });
        setPost(p);
        setQr(await QRCode.toDataURL(postShareLink(p.id), { margin: 1, width: 360, errorCorrectionLevel: 'M' }));
      } catch (err) {
        setError(errorMessage(err));
      }
    })();
  }, [postId]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!post) return null;
  return (
    <Space direction="vertical" size="middle">
      <Space className="badge-actions">
        <Link to="/pioneer">返回列表</Link>
        <Button type="primary" onClick={() => window.print()} disabled={post.status !== 'approved'}>打印岗牌</Button>
        {post.status !== 'approved' ? <Alert type="warning" showIcon message="卡片审核通过后才能打印岗牌" /> : null}
      </Space>
      <div className="pioneer-badge-print">
        <div className="pioneer-badge-print__band">{post.levelLabel}{post.kindLabel}</div>
        <div className="pioneer-badge-print__body">
          {post.photoUrl ? <img className="pioneer-badge-print__photo" src={post.photoUrl} alt={post.name} /> : <div className="pioneer-badge-print__photo" />}
          <div className="pioneer-badge-print__who">
            <div className="pioneer-badge-print__name">{post.name}</div>
            <div className="pioneer-badge-print__tag">共产党员</div>
            <div className="pioneer-badge-print__line">岗位：{post.window}</div>
            <div className="pioneer-badge-print__line">单位：{post.institutionName}</div>
          </div>
          {qr ? <img className="pioneer-badge-print__qr" src={qr} alt="扫码查看承诺、评价或提意见" /> : null}
        </div>
        <div className="pioneer-badge-print__pledge">我承诺：{post.pledge}</div>
        <div className="pioneer-badge-print__foot">服务项目：{post.services.join('、')}{' · '}扫码查看承诺、评价或提意见</div>
      </div>
    </Space>
  );
}
