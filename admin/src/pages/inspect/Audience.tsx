import { Form, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { routes } from '@kaimen/shared';
import { call } from '../../api/client';
import { OrgPicker } from '../../components/OrgPicker';

/** 范围: everyone of an org subtree, or people chosen from the roster of the publishing org. */
export function AudienceFields({ orgId }: { orgId?: string }) {
  const mode = Form.useWatch(['audienceMode']) as 'org' | 'members' | undefined;
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (mode !== 'members' || !orgId) return;
    void call(routes.listMembers, { params: { orgId }, query: { limit: '100' } })
      .then((res) => setPeople(res.items.map((m) => ({ value: m.id, label: m.name }))))
      .catch(() => setPeople([]));
  }, [mode, orgId]);
  return (
    <>
      <Form.Item name="audienceMode" label="范围">
        <Radio.Group options={[{ value: 'org', label: '一个组织（含下级）的全部人员' }, { value: 'members', label: '指定人员' }]} />
      </Form.Item>
      {mode === 'members'
        ? <Form.Item name="memberIds" label="人员" rules={[{ required: true, message: '请至少选择一人' }]}><Select mode="multiple" options={people} optionFilterProp="label" placeholder="从发布单位的名册中选择" /></Form.Item>
        : <Form.Item name="audienceOrgId" label="组织" rules={[{ required: true, message: '请选择组织' }]}><OrgPicker /></Form.Item>}
    </>
  );
}

export function audienceOf(v: { audienceMode: 'org' | 'members'; audienceOrgId?: string; memberIds?: string[] }) {
  return v.audienceMode === 'members' ? { memberIds: v.memberIds ?? [] } : { orgId: v.audienceOrgId ?? '' };
}
