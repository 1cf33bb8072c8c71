import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { optionKeys, questionTypeLabels, questionTypes, routes, type AdminQuestion, type QuestionBody, type QuestionType } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { useProblem } from '../../components/problem';

interface Values {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: string;
  explanation: string;
  tags: string[];
}

function initial(q: AdminQuestion | undefined): Values {
  if (!q) return { type: 'single', stem: '', options: ['', '', '', ''], answer: '', explanation: '', tags: [] };
  return {
    type: q.type, stem: q.stem, options: q.type === 'judge' ? ['', '', '', ''] : q.options.map((o) => o.text),
    answer: q.type === 'judge' ? (q.answer[0] === 'A' ? '对' : '错') : q.answer.join(''), explanation: q.explanation, tags: q.tags,
  };
}

interface Props { open: boolean; bankId: string; question?: AdminQuestion; onSaved: () => void; onClose: () => void }

/** Add or edit one question by hand, under the same rules as a template row. */
export function QuestionDrawer({ open, bankId, question, onSaved, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial(question));
    problem.clear();
  }, [open, question, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    const body: QuestionBody = {
      type: v.type, stem: v.stem, answer: v.answer.trim().toUpperCase().replace(/[^A-F对错]/g, ''),
      explanation: v.explanation ?? '', tags: v.tags ?? [],
      ...(v.type === 'judge' ? {} : { options: (v.options ?? []).map((o) => o ?? '').filter((o, i, all) => o !== '' || all.slice(i).some((x) => x)) }),
    };
    setBusy(true);
    problem.clear();
    try {
      if (question) await call(routes.updateQuestion, { params: { bankId, questionId: question.id }, body });
      else await call(routes.addQuestion, { params: { bankId }, body, idempotencyKey: newIdempotencyKey() });
      onSaved();
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size={600} title={question ? '修改题目' : '添加题目'} rootClassName="question-drawer"
      footer={<Space style={{ float: 'right' }}><Button onClick={onClose}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()} className="question-save">保存</Button></Space>}>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="type" label="题型">
          <Radio.Group options={questionTypes.map((t) => ({ value: t, label: questionTypeLabels[t] }))} />
        </Form.Item>
        <Form.Item name="stem" label="题干" rules={[{ required: true, message: '请填写题干' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {type !== 'judge' && (
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Form.Item key={f.key} label={i === 0 ? '选项' : undefined} style={{ marginBottom: 8 }}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Button disabled style={{ width: 44 }}>{optionKeys[i]}</Button>
                      <Form.Item name={f.name} noStyle><Input maxLength={500} /></Form.Item>
                      <Button onClick={() => remove(f.name)} disabled={fields.length <= 2}>删除</Button>
                    </Space.Compact>
                  </Form.Item>
                ))}
                {fields.length < optionKeys.length && <Button type="dashed" onClick={() => add('')} style={{ marginBottom: 16 }}>添加选项</Button>}
              </>
            )}
          </Form.List>
        )}
        <Form.Item name="answer" label={type === 'judge' ? '答案' : type === 'multiple' ? '答案（选项字母，如 ACD）' : '答案（选项字母，如 B）'} rules={[{ required: true, message: '请填写答案' }]}>
          {type === 'judge' ? <Radio.Group options={[{ value: '对', label: '对' }, { value: '错', label: '错' }]} /> : <Input maxLength={12} style={{ width: 160 }} />}
        </Form.Item>
        <Form.Item name="explanation" label="解析"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="tags" label="标签"><Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} placeholder="输入后回车" /></Form.Item>
      </Form>
    </Drawer>
  );
}
