import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { failureReasonLabel, kindInfo, routes, sendStateLabels, type NotifyFailures } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';

type Item = NotifyFailures['items'][number];

const stateColor: Record<string, string> = { pending: 'orange', failed: 'red', unsubscribed: 'default', uncertain: 'purple' };
const time = (iso?: string) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** 消息发送 › 发送失败: WeChat messages that did not go out, counted by state and reason, and sent again on request. */
export default function FailuresPage() {
  const { message } = App.useApp();
  const [data, setData] = useState<NotifyFailures | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [retrying, setRetrying] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await call(routes.notifyFailures));
      setSelected([]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const retry = async (ids?: string[]) => {
    setRetrying(true);
    try {
      const { requeued } = await call(routes.retryNotifyFailures, { body: ids ? { ids } : {} });
      void message.success(requeued > 0 ? `已重新排队 ${requeued} 条，将在下一轮（5 分钟内）发送` : '没有可以重发的消息');
      await load();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setRetrying(false);
    }
  };

  const total = data?.counts.reduce((n, c) => n + c.count, 0) ?? 0;
  const retryable = (i: Item) => i.state !== 'pending';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message="加载失败" description={error} />}
      <Card
        title="发送问题汇总"
        extra={<Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>刷新</Button>}
      >
        {data && data.counts.length === 0 ? <Empty description="没有发送失败的消息" /> : (
          <Row gutter={[16, 16]}>
            <Col span={6}><Statistic title="有问题的消息" value={total} /></Col>
            {data?.counts.map((c) => (
              <Col span={6} key={`${c.state}-${c.reason}`}>
                <Card size="small" className="notify-count">
                  <Statistic title={<Space><Tag color={stateColor[c.state]}>{sendStateLabels[c.state]}</Tag>{failureReasonLabel(c.reason)}</Space>} value={c.count} suffix="条" />
                </Card>
              </Col>
            ))}
          </Row>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          等待重试的消息会按 1、5、25 分钟……递增间隔自动重发；发送失败、用户拒收和不确定是否送达的消息需手动重发。
          “不确定是否送达”表示发送过程中断，重发可能使用户收到两次。所有消息都已进入用户的“我的 → 消息”。
        </Typography.Paragraph>
      </Card>
      <Card
        title="最近的问题消息"
        extra={(
          <Space>
            <Button icon={<SendOutlined />} disabled={selected.length === 0} loading={retrying} onClick={() => void retry(selected)}>重发所选（{selected.length}）</Button>
            <Button type="primary" icon={<SendOutlined />} disabled={!data?.items.some(retryable)} loading={retrying} onClick={() => void retry()}>全部重发</Button>
          </Space>
        )}
      >
        <Table<Item>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (i) => ({ disabled: !retryable(i) }) }}
          columns={[
            { title: '消息类别', dataIndex: 'kind', render: (k: Item['kind']) => kindInfo[k].label },
            { title: '状态', dataIndex: 'state', render: (s: string) => <Tag color={stateColor[s]}>{sendStateLabels[s]}</Tag> },
            { title: '原因', dataIndex: 'reason', render: (r: string) => failureReasonLabel(r) },
            { title: '详情', dataIndex: 'detail', ellipsis: true },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '更新时间', dataIndex: 'updatedAt', render: time, width: 150 },
            { title: '下次重试', dataIndex: 'nextAttemptAt', render: time, width: 150 },
          ]}
        />
      </Card>
    </Space>
  );
}
