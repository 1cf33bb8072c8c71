import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { channelLabels, ratingLabels, ratings, routes, statusLabels, type AdminSuggestion, type Campaign, type Rating } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useProblem } from '../../components/problem';
import { moderationLabels, suggestionStatusColors } from './inbox-labels';

interface Props {
  suggestion: AdminSuggestion | null;
  campaign?: Campaign;
  /** The other suggestions on screen, offered as the original of a duplicate. */
  others: AdminSuggestion[];
  unitName: (orgId: string | undefined) => string;
  onClose: () => void;
  onChanged: (s: AdminSuggestion) => void;
}

const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
const excerpt = (text: string) => ([...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text);

/** One suggestion: its facts, the reply (public on the tracking page), moderation and the follow-up call. */
export function SuggestionDrawer({ suggestion: s, campaign, others, unitName, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [replyForm] = Form.useForm<{ text: string }>();
  const [followForm] = Form.useForm<{ note: string; outcome?: Rating }>();
  const replyProblem = useProblem(replyForm);
  const followProblem = useProblem(followForm);
  const [busy, setBusy] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string>();
  const id = s?.id;

  useEffect(() => {
    replyForm.setFieldsValue({ text: s?.reply?.text ?? '' });
    followForm.resetFields();
    replyProblem.clear();
    followProblem.clear();
    setDuplicateOf(s?.duplicateOf);
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  const run = async (key: string, work: () => Promise<AdminSuggestion>, done: string, onError: (err: unknown) => void) => {
    setBusy(key);
    try {
      const updated = await work();
      message.success(done);
      onChanged(updated);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(null);
    }
  };

  if (!s) return <Drawer open={false} rootClassName="suggestion-drawer" />;
  const categoryLabel = campaign?.categories.find((c) => c.key === s.category)?.label ?? s.category;
  const moderate = (moderation: 'spam' | 'duplicate' | null) =>
    void run('moderation', () => call(routes.moderateSuggestion, {
      params: { suggestionId: s.id }, body: moderation === 'duplicate' && duplicateOf ? { moderation, duplicateOf } : { moderation },
    }), moderation ? `已标记为${moderationLabels[moderation]}` : '已取消标记', (err) => message.error(errorMessage(err)));
  const needsFollowUp = s.rating?.rating === 'unsatisfied' && !s.followUp;

  return (
    <Drawer open onClose={onClose} size={640} title="意见详情" rootClassName="suggestion-drawer">
      <Descriptions column={2} size="small" bordered className="suggestion-facts"
        items={[
          { key: 'status', label: '状态', children: <Tag color={suggestionStatusColors[s.status]} className="suggestion-status">{statusLabels[s.status]}</Tag> },
          { key: 'category', label: '类别', children: categoryLabel },
          { key: 'channel', label: '渠道', children: channelLabels[s.channel] },
          { key: 'at', label: '提交时间', children: time(s.submittedAt) },
          { key: 'unit', label: '被反映单位', children: unitName(s.orgId), span: 2 },
          { key: 'contact', label: '联系方式', span: 2, children: <span className="suggestion-contact">{s.anonymous ? '匿名' : [s.contact?.name, s.contact?.phone].filter(Boolean).join(' ') || '—'}</span> },
          ...(s.externalId ? [{ key: 'ext', label: '原编号', children: s.externalId, span: 2 }] : []),
          { key: 'content', label: '意见内容', span: 2, children: <Typography.Paragraph className="suggestion-content" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.content}</Typography.Paragraph> },
          ...(s.rating ? [{ key: 'rating', label: '群众评价', span: 2, children: <span className="suggestion-rating">{ratingLabels[s.rating.rating]}{s.rating.comment ? `：${s.rating.comment}` : ''}</span> }] : []),
        ]} />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>联系方式仅限本单位及上级管理员查看，每次查看均记入审计日志。</Typography.Text>

      <Divider titlePlacement="start">答复</Divider>
      {s.reply && <Typography.Text type="secondary" className="suggestion-reply-meta">{s.reply.by} 于 {time(s.reply.at)} 答复；再次提交将替换原答复。</Typography.Text>}
      {replyProblem.alert && <Alert type="error" showIcon title={replyProblem.alert} className="form-problem" style={{ margin: '8px 0' }} />}
      <Form form={replyForm} layout="vertical" onFinish={(v) => void run('reply', () => call(routes.replySuggestion, { params: { suggestionId: s.id }, body: { text: v.text } }), '已答复', (err) => replyProblem.show(err))}>
        <Form.Item name="text" label="答复内容（将在查询页向提出人公开，请勿包含他人个人信息）">
          <Input.TextArea className="reply-text" rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy === 'reply'} className="reply-send">{s.reply ? '更新答复' : '答复'}</Button>
      </Form>

      {(needsFollowUp || s.followUp) && <Divider titlePlacement="start">不满意回访</Divider>}
      {s.followUp && (
        <Alert type="success" className="suggestion-follow-up" showIcon
          title={`${s.followUp.by} 于 ${time(s.followUp.at)} 回访：${s.followUp.note}${s.followUp.outcome ? `（回访后：${ratingLabels[s.followUp.outcome]}）` : ''}`} />
      )}
      {needsFollowUp && (
        <>
          {followProblem.alert && <Alert type="error" showIcon title={followProblem.alert} className="form-problem" style={{ marginBottom: 8 }} />}
          <Form form={followForm} layout="vertical" className="follow-up-form"
            onFinish={(v) => void run('follow', () => call(routes.followUpSuggestion, { params: { suggestionId: s.id }, body: v.outcome ? { note: v.note, outcome: v.outcome } : { note: v.note } }), '已记录回访', (err) => followProblem.show(err))}>
            <Form.Item name="note" label="回访情况（时间、方式、处理结果）"><Input.TextArea className="follow-up-note" rows={3} maxLength={1000} showCount /></Form.Item>
            <Form.Item name="outcome" label="回访后评价（选填）">
              <Select className="follow-up-outcome" allowClear style={{ width: 200 }} options={ratings.map((r) => ({ value: r, label: ratingLabels[r] }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'follow'} className="follow-up-send">记录回访并销号</Button>
          </Form>
        </>
      )}

      <Divider titlePlacement="start">标记（不计入整改清单）</Divider>
      {s.moderation ? (
        <Space>
          <Tag color="volcano" className="suggestion-moderation">{moderationLabels[s.moderation]}</Tag>
          <Button loading={busy === 'moderation'} onClick={() => moderate(null)} className="moderation-clear">取消标记</Button>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button danger loading={busy === 'moderation'} onClick={() => moderate('spam')} className="moderation-spam">标记为无效信息</Button>
          <Space.Compact block>
            <Select className="moderation-duplicate-of" allowClear style={{ flex: 1 }} placeholder="重复于（选填：本页的另一条意见）" value={duplicateOf} onChange={setDuplicateOf}
              showSearch optionFilterProp="label" options={others.filter((o) => o.id !== s.id).map((o) => ({ value: o.id, label: excerpt(o.content) }))} />
            <Button loading={busy === 'moderation'} onClick={() => moderate('duplicate')} className="moderation-duplicate">标记为重复意见</Button>
          </Space.Compact>
        </Space>
      )}
    </Drawer>
  );
}
