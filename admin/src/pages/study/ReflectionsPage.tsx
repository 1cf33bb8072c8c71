import { useState } from 'react';
import { App, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import { routes, type Reflection } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { Ellipsis } from '../../components/Ellipsis';
import { dateTime } from './labels';
import { useItems } from './useItems';

/** Reflections waiting for review (own org and below); approved ones become visible in the branch. */
export default function ReflectionsPage() {
  const { message } = App.useApp();
  const list = useItems(() => call(routes.pendingReflections));
  const [rejecting, setRejecting] = useState<Reflection | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const review = async (r: Reflection, approve: boolean, reviewNote?: string) => {
    setBusy(r.id);
    try {
      await call(routes.reviewReflection, { params: { reflectionId: r.id }, body: { approve, ...(reviewNote ? { note: reviewNote } : {}) } });
      message.success(approve ? '已通过' : '已退回');
      setRejecting(null);
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="心得审核">
      <Table<Reflection>
        className="reflection-table" rowKey="id" size="middle" loading={list.loading} dataSource={list.items} pagination={{ pageSize: 20, hideOnSinglePage: true }} tableLayout="fixed"
        locale={{ emptyText: list.error ?? '没有待审核的心得' }}
        expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.text}</Typography.Paragraph> }}
        columns={[
          { title: '党员', dataIndex: 'authorName', width: 110 },
          { title: '课程', dataIndex: 'lessonTitle', width: 220, render: (t: string) => <Ellipsis text={t} /> },
          { title: '心得', dataIndex: 'text', render: (t: string) => <Ellipsis text={t} /> },
          { title: '提交时间', dataIndex: 'createdAt', width: 150, render: dateTime },
          {
            title: '操作', key: 'a', width: 140,
            render: (_, r) => (
              <Space size={0} wrap={false}>
                <Button size="small" type="link" loading={busy === r.id} onClick={() => void review(r, true)}>通过</Button>
                <Button size="small" type="link" danger onClick={() => { setNote(''); setRejecting(r); }}>退回</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={rejecting !== null} title="退回心得" okText="退回" okButtonProps={{ danger: true, loading: busy === rejecting?.id }} cancelText="取消"
        onOk={() => rejecting && void review(rejecting, false, note.trim())} onCancel={() => setRejecting(null)}>
        <Input.TextArea rows={3} maxLength={200} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder="审核意见（可空）" />
      </Modal>
    </Card>
  );
}
