import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { institutionTypeLabels, partyOrgTypeLabels, type OrgKind } from '@kaimen/shared';
import { newIdempotencyKey, call } from '../../api/client';
import { routes } from '@kaimen/shared';
import { useProblem } from '../../components/problem';

const kindOptions = [
  { value: 'bureau', label: '司法局（下一级）' },
  { value: 'institution', label: '执业机构' },
  { value: 'party_org', label: '党组织' },
];
const typeOptions = Object.entries(institutionTypeLabels).map(([value, label]) => ({ value, label }));
const partyOptions = Object.entries(partyOrgTypeLabels).map(([value, label]) => ({ value, label }));

export interface OrgFormValues {
  kind: OrgKind;
  name: string;
  institutionType?: string;
  practitioners?: number;
  address?: string;
  licenceNumber?: string;
  partyOrgType?: string;
  institutionIds?: string[];
  liaisonName?: string;
  liaisonRole?: 'liaison' | 'instructor';
  enteredFull?: number | null;
  enteredProbationary?: number | null;
}

/** Creates an org under `parentId`, or edits `editing` (name and the institution's census facts). */
export function OrgForm({ open, parentId, editing, institutions, onDone, onCancel }: {
  open: boolean;
  parentId: string;
  editing: (OrgFormValues & { id: string }) | null;
  institutions: { value: string; label: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<OrgFormValues>();
  const problem = useProblem(form);
  const kind = Form.useWatch('kind', form) ?? editing?.kind;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    problem.clear();
    if (editing) form.setFieldsValue(editing);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing]);

  const submit = async () => {
    const v = await form.validateFields();
    const liaison = v.liaisonName ? { name: v.liaisonName, role: v.liaisonRole ?? 'liaison' } : undefined;
    const facts = kind === 'institution' ? {
      institutionType: v.institutionType as never, practitioners: v.practitioners ?? 0,
      ...(v.address ? { address: v.address } : {}), ...(v.licenceNumber ? { licenceNumber: v.licenceNumber } : {}),
      ...(editing ? { liaison: liaison ?? null, enteredFull: v.enteredFull ?? null, enteredProbationary: v.enteredProbationary ?? null } : liaison ? { liaison } : {}),
    } : {};
    try {
      if (editing) {
        await call(routes.patchOrg, { params: { orgId: editing.id }, body: { name: v.name, ...facts, ...(kind === 'party_org' && v.institutionIds ? { institutionIds: v.institutionIds } : {}) } });
      } else {
        await call(routes.createOrg, {
          body: { parentId, kind: v.kind, name: v.name, ...facts, ...(v.kind === 'party_org' ? { partyOrgType: v.partyOrgType as never, ...(v.institutionIds?.length ? { institutionIds: v.institutionIds } : {}) } : {}) },
          idempotencyKey: newIdempotencyKey(),
        });
      }
      onDone();
    } catch (err) {
      problem.show(err);
    }
  };

  return (
    <Modal open={open} title={editing ? '编辑组织' : '新建下级组织'} onOk={() => void submit()} onCancel={onCancel} okText="保存" cancelText="取消" width={560} destroyOnHidden>
      {problem.alert ? <Alert type="error" showIcon message={problem.alert} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'institution', institutionType: 'law_firm', partyOrgType: 'branch', liaisonRole: 'liaison' }}>
        {!editing ? <Form.Item name="kind" label="类别"><Select options={kindOptions} /></Form.Item> : null}
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input maxLength={60} /></Form.Item>
        {kind === 'institution' ? (
          <>
            <Form.Item name="institutionType" label="机构类型"><Select options={typeOptions} /></Form.Item>
            <Form.Item name="practitioners" label="从业人员数"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="licenceNumber" label="执业许可证号"><Input maxLength={40} /></Form.Item>
            <Form.Item name="address" label="地址"><Input maxLength={120} /></Form.Item>
            {editing ? (
              <>
                <Form.Item name="enteredFull" label="正式党员数（名册未导入时填报）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
                <Form.Item name="enteredProbationary" label="预备党员数（名册未导入时填报）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
              </>
            ) : null}
            <Form.Item name="liaisonName" label="党建联络员/指导员（无党员机构选派）"><Input maxLength={20} placeholder="姓名，可空" /></Form.Item>
            <Form.Item name="liaisonRole" label="选派身份"><Select options={[{ value: 'liaison', label: '党建联络员' }, { value: 'instructor', label: '党建指导员' }]} /></Form.Item>
          </>
        ) : null}
        {kind === 'party_org' && !editing ? <Form.Item name="partyOrgType" label="党组织类型"><Select options={partyOptions} /></Form.Item> : null}
        {kind === 'party_org' ? (
          <Form.Item name="institutionIds" label="覆盖的机构（联合党支部选 2 家以上；设在机构内的党组织不必选）">
            <Select mode="multiple" options={institutions} optionFilterProp="label" allowClear />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
