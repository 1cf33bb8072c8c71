import { App, DatePicker, Form, Input, Modal, Select, Switch, Alert } from 'antd';
import type { Dayjs } from 'dayjs';
import { itemSourceLabels, manualItemSources, routes, type CreateItemBody } from '@kaimen/shared';
import { call } from '../../api/client';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';

interface Values {
  title: string;
  source: CreateItemBody['source'];
  orgId?: string;
  owner?: string;
  deadline?: Dayjs | null;
  target?: string;
  published: boolean;
}

/** 新增整改事项: a problem found at a 民主生活会, in the self-inspection, by the level above or in a talk. */
export function CreateItemModal({ campaignId, open, onClose, onCreated }: { campaignId: string; open: boolean; onClose: () => void; onCreated: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);

  const submit = async (v: Values) => {
    problem.clear();
    try {
      await call(routes.createChecklistItem, {
        params: { campaignId },
        body: {
          title: v.title, source: v.source, published: v.published,
          ...(v.orgId ? { orgId: v.orgId } : {}), ...(v.owner?.trim() ? { owner: v.owner } : {}),
          ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}), ...(v.target?.trim() ? { target: v.target } : {}),
        },
      });
      message.success('已纳入整改台账');
      form.resetFields();
      onClose();
      await onCreated();
    } catch (err) {
      problem.show(err);
    }
  };

  return (
    <Modal open={open} title="新增整改事项" onCancel={onClose} onOk={() => form.submit()} okText="纳入台账" width={620} rootClassName="create-item" destroyOnHidden>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" initialValues={{ source: 'life_meeting', published: false }} onFinish={(v) => void submit(v)}>
        <Form.Item name="source" label="问题来源" rules={[{ required: true }]}>
          <Select options={manualItemSources.map((s) => ({ value: s, label: itemSourceLabels[s] }))} />
        </Form.Item>
        <Form.Item name="title" label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}><Input maxLength={40} showCount /></Form.Item>
        <Form.Item name="orgId" label="责任单位（组织）" extra="销号须由该单位的上级审核；不选即本活动所属机关">
          <OrgPicker selectable={['bureau', 'institution']} />
        </Form.Item>
        <Form.Item name="owner" label="责任部门或责任人"><Input maxLength={60} /></Form.Item>
        <Form.Item name="deadline" label="完成时限"><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="target" label="整改目标"><Input.TextArea rows={2} maxLength={300} showCount /></Form.Item>
        <Form.Item name="published" label="向社会公开" valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
