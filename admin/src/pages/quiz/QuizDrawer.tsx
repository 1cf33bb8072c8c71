import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { reviewPolicies, routes, scoreRules, type CreateQuizBody } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { reviewPolicyLabels, scoreRuleLabels, typeShort, type AdminQuiz } from './labels';

interface Values {
  title: string;
  description: string;
  bankId: string;
  mode: 'draw' | 'pick';
  single: number;
  multiple: number;
  judge: number;
  tag: string;
  questionIds: string[];
  minutes: number;
  attemptsAllowed: number;
  passScore: number;
  scoreRule: (typeof scoreRules)[number];
  reviewPolicy: (typeof reviewPolicies)[number];
  period: [Dayjs, Dayjs];
  orgIds: string[];
}

const initial: Partial<Values> = {
  mode: 'draw', single: 10, multiple: 5, judge: 5, questionIds: [], minutes: 30, attemptsAllowed: 1, passScore: 60,
  scoreRule: 'best', reviewPolicy: 'after_close', orgIds: [],
};

/** Publish a quiz: random draw per type or picked questions, limits, pass score, dates and target orgs. */
export function QuizDrawer({ open, onSaved, onClose }: { open: boolean; onSaved: (q: AdminQuiz) => void; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const [banks, setBanks] = useState<{ value: string; label: string }[]>([]);
  const [questions, setQuestions] = useState<{ value: string; label: string }[]>([]);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const mode = Form.useWatch('mode', form);
  const bankId = Form.useWatch('bankId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ ...initial, period: [dayjs().startOf('hour').add(1, 'hour'), dayjs().startOf('hour').add(7, 'day')] });
    problem.clear();
    call(routes.listQuestionBanks, { query: { limit: '100' } }).then(
      (p) => setBanks(p.items.map((b) => ({ value: b.id, label: `${b.title}（${b.questionCount} 题）` }))),
      (err: unknown) => problem.show(err),
    );
  }, [open, form]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setQuestions([]);
    if (!bankId || mode !== 'pick') return;
    call(routes.listQuestions, { params: { bankId }, query: { limit: '100' } }).then(
      (p) => setQuestions(p.items.map((q) => ({ value: q.id, label: `【${typeShort[q.type]}】${q.stem}` }))),
      (err: unknown) => problem.show(err),
    );
  }, [bankId, mode]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    const body: CreateQuizBody = {
      title: v.title, description: v.description ?? '', bankId: v.bankId,
      ...(v.mode === 'draw'
        ? { draw: { single: v.single ?? 0, multiple: v.multiple ?? 0, judge: v.judge ?? 0, ...(v.tag?.trim() ? { tag: v.tag.trim() } : {}) } }
        : { questionIds: v.questionIds ?? [] }),
      timeLimitSeconds: Math.round((v.minutes ?? 0) * 60), attemptsAllowed: v.attemptsAllowed, passScore: v.passScore,
      scoreRule: v.scoreRule, reviewPolicy: v.reviewPolicy,
      opensAt: v.period?.[0]?.toISOString(), closesAt: v.period?.[1]?.toISOString(),
      ...(v.orgIds?.length ? { orgIds: v.orgIds } : {}),
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    problem.clear();
    try {
      onSaved(await call(routes.createQuiz, { body, idempotencyKey: attempt.current.key }));
    } catch (err) {
      problem.show(err, {
        timeLimitSeconds: 'minutes', opensAt: 'period', closesAt: 'period', 'draw.single': 'single', 'draw.multiple': 'multiple', 'draw.judge': 'judge', 'draw.tag': 'tag',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size={680} title="发布测试" rootClassName="quiz-drawer"
      footer={<Space style={{ float: 'right' }}><Button onClick={onClose}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()} className="quiz-save">发布</Button></Space>}>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="title" label="测试名称" rules={[{ required: true, message: '请填写测试名称' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="description" label="说明"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="bankId" label="题库" rules={[{ required: true, message: '请选择题库' }]}><Select options={banks} placeholder="选择题库" className="quiz-bank" /></Form.Item>
        <Form.Item name="mode" label="出题方式">
          <Radio.Group options={[{ value: 'draw', label: '每人随机抽题' }, { value: 'pick', label: '指定题目（人人相同）' }]} />
        </Form.Item>
        {mode === 'pick' ? (
          <Form.Item name="questionIds" label="题目" rules={[{ required: true, message: '至少选择一道题' }]}>
            <Select mode="multiple" options={questions} optionFilterProp="label" placeholder="先选择题库，再选择题目" />
          </Form.Item>
        ) : (
          <Space size={16} wrap>
            <Form.Item name="single" label="单选题数"><InputNumber min={0} max={200} /></Form.Item>
            <Form.Item name="multiple" label="多选题数"><InputNumber min={0} max={200} /></Form.Item>
            <Form.Item name="judge" label="判断题数"><InputNumber min={0} max={200} /></Form.Item>
            <Form.Item name="tag" label="只抽此标签（可空）"><Input maxLength={20} style={{ width: 160 }} /></Form.Item>
          </Space>
        )}
        <Space size={16} wrap>
          <Form.Item name="minutes" label="答题时限（分钟）" rules={[{ required: true, message: '请填写答题时限' }]}><InputNumber min={1} max={240} /></Form.Item>
          <Form.Item name="attemptsAllowed" label="可答次数" rules={[{ required: true, message: '请填写可答次数' }]}><InputNumber min={1} max={20} /></Form.Item>
          <Form.Item name="passScore" label="及格分" rules={[{ required: true, message: '请填写及格分' }]}><InputNumber min={0} /></Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="scoreRule" label="多次作答计分"><Select style={{ width: 140 }} options={scoreRules.map((r) => ({ value: r, label: scoreRuleLabels[r] }))} /></Form.Item>
          <Form.Item name="reviewPolicy" label="公布答案"><Select style={{ width: 140 }} options={reviewPolicies.map((r) => ({ value: r, label: reviewPolicyLabels[r] }))} /></Form.Item>
        </Space>
        <Form.Item name="period" label="开始与结束时间" rules={[{ required: true, message: '请选择开始与结束时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgIds" label="参加的组织（不选则为本组织）"><OrgPicker multiple /></Form.Item>
      </Form>
    </Drawer>
  );
}
