import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { categoriesToLines, defaultCategories, isDefaultSet, linesToCategories, routes, type Campaign } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';

interface Values {
  title: string;
  description: string;
  ownCategories: boolean;
  categories: string;
  period: [Dayjs, Dayjs];
  orgId: string;
  reportChannel: string;
  status: 'draft' | 'open';
}

function initial(c: Campaign | undefined, orgId: string | undefined): Partial<Values> {
  return {
    title: c?.title ?? '',
    description: c?.description ?? '',
    ownCategories: c ? !isDefaultSet(c.categories) : false,
    categories: categoriesToLines(c?.categories ?? defaultCategories),
    // closesAt is the first moment after the last day.
    period: c ? [dayjs(c.opensAt), dayjs(c.closesAt).subtract(1, 'ms')] : [dayjs(), dayjs().add(2, 'month')],
    orgId: c?.orgId ?? orgId,
    reportChannel: c?.reportChannel ?? '',
    status: 'draft',
  };
}

interface Props {
  open: boolean;
  /** The campaign being edited; a new one when absent. */
  campaign?: Campaign;
  defaultOrgId?: string;
  onSaved: (c: Campaign) => void;
  onClose: () => void;
}

/** Create or edit a campaign in a drawer: problems show next to the fields and what was typed stays. */
export function CampaignDrawer({ open, campaign, defaultOrgId, onSaved, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const ownCategories = Form.useWatch('ownCategories', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial(campaign, defaultOrgId));
    problem.clear();
  }, [open, campaign, defaultOrgId, form, problem.clear]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    const common = {
      title: v.title,
      description: v.description ?? '',
      opensAt: v.period[0].startOf('day').toISOString(),
      closesAt: v.period[1].startOf('day').add(1, 'day').toISOString(),
      reportChannel: (v.reportChannel ?? '').trim(),
      categories: v.ownCategories ? linesToCategories(v.categories ?? '', campaign?.categories) : [...defaultCategories],
    };
    setBusy(true);
    problem.clear();
    try {
      if (campaign) {
        onSaved(await call(routes.updateCampaign, { params: { campaignId: campaign.id }, body: common }));
      } else {
        const body = { ...common, orgId: v.orgId, status: v.status };
        const text = JSON.stringify(body);
        if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
        onSaved(await call(routes.createCampaign, { body, idempotencyKey: attempt.current.key }));
      }
    } catch (err) {
      problem.show(err, { opensAt: 'period', closesAt: 'period' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size={640} title={campaign ? '修改活动' : '新建征求意见活动'} rootClassName="campaign-drawer" destroyOnHidden={false}
      footer={<Space style={{ float: 'right' }}><Button onClick={onClose}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()} className="campaign-save">保存</Button></Space>}>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark="optional">
        <Form.Item name="title" label="活动标题" rules={[{ required: true, message: '请填写活动标题' }]}>
          <Input maxLength={60} showCount />
        </Form.Item>
        <Form.Item name="description" label="主动公开整治的问题和措施">
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="ownCategories" label="意见类别">
          <Radio.Group options={[{ value: false, label: '默认十二类' }, { value: true, label: '自定义（每行一个类别）' }]} />
        </Form.Item>
        {ownCategories ? (
          <Form.Item name="categories" rules={[{ required: true, message: '请至少填写一个类别' }]}>
            <Input.TextArea rows={8} />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>{defaultCategories.map((c) => c.label).join('、')}</Typography.Paragraph>
        )}
        <Form.Item name="period" label="起止日期（含结束当天）" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        {campaign ? (
          <Form.Item label="主办单位"><Input disabled value={campaign.orgName ?? ''} /></Form.Item>
        ) : (
          <Form.Item name="orgId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
            <OrgPicker selectable={['bureau', 'institution']} />
          </Form.Item>
        )}
        {!campaign && (
          <Form.Item name="status" label="保存后">
            <Radio.Group options={[{ value: 'draft', label: '暂不发布（草稿）' }, { value: 'open', label: '立即开启' }]} />
          </Form.Item>
        )}
        <Form.Item name="reportChannel" label="举报方式（电话、邮箱等，向社会公开）">
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
