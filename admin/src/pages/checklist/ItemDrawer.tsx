import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Divider, Drawer, Form, Input, List, Select, Space, Switch, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { evidenceKinds, itemStatusLabels, itemStatuses, routes, signOffLabels, type AdminItem, type ItemStatus, type PatchItemBody } from '@kaimen/shared';
import { uploadEvidence } from './evidence';
import { call, errorMessage } from '../../api/client';
import { useProblem } from '../../components/problem';

interface Values {
  title: string;
  owner: string;
  deadline: Dayjs | null;
  target: string;
  status: ItemStatus;
  progress: string;
  published: boolean;
  locked: boolean;
}

const NEW_ITEM = '__new__';

/** The body of a save: only what changed, blanks as null; a progress note only when one was typed. */
function changes(item: AdminItem, v: Values): PatchItemBody {
  const body: PatchItemBody = {};
  if (v.title !== item.title) body.title = v.title;
  const owner = v.owner?.trim() ? v.owner : null;
  if (owner !== item.owner) body.owner = owner;
  const deadline = v.deadline ? v.deadline.format('YYYY-MM-DD') : null;
  if (deadline !== item.deadline) body.deadline = deadline;
  const target = v.target?.trim() ? v.target : null;
  if (target !== item.target) body.target = target;
  if (v.status !== item.status) body.status = v.status;
  if (v.progress?.trim()) body.progress = v.progress;
  if (v.published !== item.published) body.published = v.published;
  if (v.locked !== item.locked) body.locked = v.locked;
  return body;
}

interface Props {
  item: AdminItem | null;
  items: AdminItem[];
  onClose: () => void;
  onChanged: () => Promise<void>;
}

/** Edits one checklist item; merges another into it; moves one of its suggestions elsewhere. */
export function ItemDrawer({ item, items, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const [mergeFrom, setMergeFrom] = useState<string>();
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [reason, setReason] = useState('');
  const itemId = item?.id;

  useEffect(() => {
    if (!item) return;
    form.setFieldsValue({
      title: item.title, owner: item.owner ?? '', deadline: item.deadline ? dayjs(item.deadline) : null, target: item.target ?? '',
      status: item.status, progress: '', published: item.published, locked: item.locked,
    });
    problem.clear();
    setMergeFrom(undefined);
    setMoveTo({});
    setFiles([]);
    setReason('');
  }, [itemId]); // eslint-disable-line react-hooks/exhaustive-deps

  const others = items.filter((i) => i.id !== itemId).map((i) => ({ value: i.id, label: `${i.title}（${i.suggestionCount} 条）` }));

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      await onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async (v: Values) => {
    if (!item) return;
    const body = changes(item, v);
    if (Object.keys(body).length === 0 && files.length === 0) return void message.info('没有修改');
    setBusy(true);
    problem.clear();
    try {
      if (files.length > 0) body.evidenceIds = await Promise.all(files.map((f) => uploadEvidence(item.id, f.originFileObj as File)));
      await call(routes.patchChecklistItem, { params: { itemId: item.id }, body });
      form.setFieldValue('progress', '');
      setFiles([]);
      message.success('已保存');
      await onChanged();
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={item !== null} onClose={onClose} size={640} title="编辑整改事项" rootClassName="item-drawer"
      footer={<Space style={{ float: 'right' }}><Button onClick={onClose}>关闭</Button><Button type="primary" loading={busy} onClick={() => form.submit()} className="item-save">保存</Button></Space>}>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      {item && (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }} className="item-facts">
          <Descriptions.Item label="问题来源"><Tag>{item.sourceLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="责任组织">{item.orgName}</Descriptions.Item>
          <Descriptions.Item label="销号审核" span={2}>
            {signOffLabels[item.signOff.state]}{item.signOff.by ? `（${item.signOff.byOrgName ?? ''} ${item.signOff.by}）` : ''}{item.signOff.reason ? `：${item.signOff.reason}` : ''}
          </Descriptions.Item>
        </Descriptions>
      )}
      {item?.status === 'done' && (
        <Alert type="warning" showIcon className="sign-off" style={{ marginBottom: 16 }} title={`整改已完成，待${item.orgName}的上级审核销号`}
          description={(
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={2} maxLength={300} placeholder="审核意见（退回时必填）" value={reason} onChange={(e) => setReason(e.target.value)} className="sign-off-reason" />
              <Space>
                <Button type="primary" disabled={busy} className="sign-off-approve"
                  onClick={() => void act(() => call(routes.signOffChecklistItem, { params: { itemId: item.id }, body: { decision: 'approve', ...(reason.trim() ? { reason } : {}) } }), '已销号')}>同意销号</Button>
                <Button danger disabled={busy} className="sign-off-refuse"
                  onClick={() => void act(() => call(routes.signOffChecklistItem, { params: { itemId: item.id }, body: { decision: 'refuse', reason } }), '已退回整改')}>退回整改</Button>
              </Space>
            </Space>
          )} />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="title" label="事项标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={40} showCount /></Form.Item>
        <Space.Compact block>
          <Form.Item name="owner" label="责任单位" style={{ flex: 1, marginRight: 12 }}><Input maxLength={60} placeholder="如 东湖区司法局公共法律服务科" /></Form.Item>
          <Form.Item name="deadline" label="整改时限" style={{ width: 180, marginRight: 12 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="status" label="状态" style={{ width: 130 }}>
            <Select options={itemStatuses.map((s) => ({ value: s, label: itemStatusLabels[s], disabled: s === 'closed' }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="target" label="整改目标"><Input.TextArea rows={2} maxLength={300} showCount /></Form.Item>
        <Form.Item name="progress" label="新增进展（保存后记入时间线）"><Input.TextArea rows={2} maxLength={500} showCount /></Form.Item>
        <Form.Item label="佐证材料（附在这条进展上：图片、PDF、Word、Excel，单个不超过 10 MB）">
          <Upload className="evidence-upload" multiple fileList={files} beforeUpload={() => false} accept={Object.keys(evidenceKinds).join(',')}
            onChange={({ fileList }) => setFiles(fileList.slice(0, 10))}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Space size="large">
          <Form.Item name="published" label="向社会公开" valuePropName="checked"><Switch /></Form.Item>
          {item?.source === 'suggestion' && <Form.Item name="locked" label="锁定（自动归并不再改动）" valuePropName="checked"><Switch /></Form.Item>}
        </Space>
      </Form>
      {item && item.notes.length > 0 && (
        <>
          <Divider titlePlacement="start">整改进展</Divider>
          <Timeline items={item.notes.map((n) => ({
            content: <>
              <div>{n.text}</div>
              {n.evidence?.map((e) => <div key={e.id}><a href={e.url} target="_blank" rel="noreferrer" className="evidence-link"><PaperClipOutlined /> {e.name}</a></div>)}
              <Typography.Text type="secondary">{n.by} · {dayjs(n.at).format('YYYY-MM-DD HH:mm')}{n.status ? ` · ${itemStatusLabels[n.status]}` : ''}</Typography.Text>
            </>,
          }))} />
        </>
      )}
      {item?.source === 'suggestion' && <>
      <Divider titlePlacement="start">合并事项</Divider>
      <Space.Compact block>
        <Select className="merge-from" style={{ flex: 1 }} placeholder="选择要并入本事项的另一事项" value={mergeFrom} onChange={setMergeFrom} options={others} showSearch optionFilterProp="label" />
        <Button disabled={!mergeFrom || busy} className="merge-run"
          onClick={() => item && mergeFrom && void act(() => call(routes.mergeChecklistItems, { params: { itemId: item.id }, body: { from: mergeFrom } }), '已合并')}>并入</Button>
      </Space.Compact>
      <Divider titlePlacement="start">本事项的意见（最新 {item?.samples.length ?? 0} 条）</Divider>
      <List
        size="small"
        className="item-samples"
        dataSource={item?.samples ?? []}
        renderItem={(s) => (
          <List.Item actions={[
            <Space.Compact key="move">
              <Select size="small" style={{ width: 200 }} placeholder="移到…" value={moveTo[s.id]} onChange={(v) => setMoveTo((m) => ({ ...m, [s.id]: v }))}
                options={[{ value: NEW_ITEM, label: '单独成为新事项' }, ...others]} showSearch optionFilterProp="label" />
              <Button size="small" disabled={!moveTo[s.id] || busy}
                onClick={() => void act(() => call(routes.moveSuggestionToItem, { params: { suggestionId: s.id }, body: moveTo[s.id] === NEW_ITEM ? {} : { toItemId: moveTo[s.id] } }), '已移动')}>移动</Button>
            </Space.Compact>,
          ]}>
            <Typography.Text ellipsis={{ tooltip: s.excerpt }} style={{ maxWidth: 330 }}>{s.excerpt}</Typography.Text>
          </List.Item>
        )}
      />
      </>}
    </Drawer>
  );
}
