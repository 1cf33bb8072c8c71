import { useEffect, useState } from 'react';
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { lessonKindLabels, lessonKinds, routes, studyModeLabels, studyModes, type AdminLesson, type LessonKind, type StudyMode } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { useProblem } from '../../components/problem';
import { RichTextEditor } from '../../components/rich-text';

interface Values {
  title: string;
  kind: LessonKind;
  mode: StudyMode;
  body: string;
  mediaUrl: string;
  minutes?: number;
  order?: number;
  published: boolean;
}

/** Plain paragraphs typed without tags become <p> paragraphs; HTML stays as written (the server sanitises it). */
export function toHtml(text: string): string {
  if (/<[a-z][\s\S]*>/i.test(text)) return text;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('\n');
}

interface Props { open: boolean; topicId: string; lesson?: AdminLesson; onSaved: () => void; onClose: () => void }

/**
 * Create or edit a lesson: an article body in a rich-text editor (the server sanitises what it
 * stores) or an audio/video address with its length and a description.
 */
export function LessonDrawer({ open, topicId, lesson, onSaved, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(lesson
      ? { title: lesson.title, kind: lesson.kind, mode: lesson.mode, body: toHtml(lesson.body), mediaUrl: lesson.mediaUrl ?? '', minutes: lesson.durationSeconds ? Math.round(lesson.durationSeconds / 60) : undefined, order: lesson.order, published: lesson.published }
      : { title: '', kind: 'article', mode: 'self_study', body: '', mediaUrl: '', published: false });
    problem.clear();
  }, [open, lesson, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    const fields = {
      title: v.title, mode: v.mode, body: toHtml(v.body ?? ''),
      ...(v.kind !== 'article' ? { mediaUrl: (v.mediaUrl ?? '').trim() } : {}),
      ...(v.minutes ? { durationSeconds: Math.round(v.minutes * 60) } : {}),
      ...(v.order !== undefined && v.order !== null ? { order: v.order } : {}),
      published: v.published,
    };
    setBusy(true);
    problem.clear();
    try {
      if (lesson) await call(routes.updateLesson, { params: { lessonId: lesson.id }, body: fields });
      else await call(routes.createLesson, { params: { topicId }, body: { ...fields, kind: v.kind }, idempotencyKey: newIdempotencyKey() });
      onSaved();
    } catch (err) {
      problem.show(err, { durationSeconds: 'minutes' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size={1000} title={lesson ? '修改课程' : '新建课程'} rootClassName="lesson-drawer"
      footer={<Space style={{ float: 'right' }}><Button onClick={onClose}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()} className="lesson-save">保存</Button></Space>}>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Row gutter={16}>
          <Col span={12}><Form.Item name="title" label="课程标题" rules={[{ required: true, message: '请填写课程标题' }]}><Input maxLength={60} /></Form.Item></Col>
          <Col span={12}><Form.Item name="mode" label="学习方式（九学）"><Select options={studyModes.map((m) => ({ value: m, label: studyModeLabels[m] }))} /></Form.Item></Col>
        </Row>
        <Space size={24} wrap>
          <Form.Item name="kind" label="课程类型"><Radio.Group disabled={!!lesson} options={lessonKinds.map((k) => ({ value: k, label: lessonKindLabels[k] }))} /></Form.Item>
          <Form.Item name="minutes" label={kind === 'article' ? '建议学习时长（分钟）' : '时长（分钟）'} rules={kind !== 'article' ? [{ required: true, message: '音频、视频课程须填写时长' }] : []}><InputNumber min={1} max={360} /></Form.Item>
          <Form.Item name="order" label="排序号"><InputNumber min={0} max={9999} /></Form.Item>
          <Form.Item name="published" label="发布" valuePropName="checked"><Switch /></Form.Item>
        </Space>
        {kind !== 'article' && (
          <Form.Item name="mediaUrl" label={kind === 'audio' ? '音频地址' : '视频地址'} rules={[{ required: true, message: '请填写音视频地址' }]}>
            <Input placeholder="https://… 或 /media/…" maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="body" label={kind === 'article' ? '正文' : '说明'} extra="保存时服务器会净化正文，只保留段落、标题、列表、引用、链接和图片等格式。">
          <RichTextEditor className="lesson-editor" placeholder={kind === 'article' ? '课程正文' : '课程说明'} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
