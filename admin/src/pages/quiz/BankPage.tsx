import { useEffect, useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { routes, type AdminQuestion, type Bank } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { CursorPager } from '../../components/CursorPager';
import { Ellipsis } from '../../components/Ellipsis';
import { useCursorList } from '../../components/useCursorList';
import { ImportPanel } from './ImportPanel';
import { QuestionDrawer } from './QuestionDrawer';
import { typeShort } from './labels';

/** One bank: import questions from a template, and the questions table with add/edit by hand. */
export default function BankPage() {
  const { bankId = '' } = useParams();
  const { message } = App.useApp();
  const [bank, setBank] = useState<Bank | null>(null);
  const [tick, setTick] = useState(0);
  const list = useCursorList((cursor) => call(routes.listQuestions, { params: { bankId }, query: { limit: '20', cursor } }), [bankId]);
  const [editing, setEditing] = useState<{ question?: AdminQuestion } | null>(null);

  useEffect(() => {
    call(routes.getQuestionBank, { params: { bankId } }).then(setBank, (err: unknown) => message.error(errorMessage(err)));
  }, [bankId, tick, message]);

  const changed = () => {
    list.reload();
    setTick((t) => t + 1);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Space><Link to="/quiz"><ArrowLeftOutlined /></Link>{bank ? `${bank.title}（${bank.questionCount} 题）` : '题库'}</Space>}
        extra={<Button type="primary" icon={<PlusOutlined />} className="question-new" onClick={() => setEditing({})}>添加题目</Button>}
      >
        <ImportPanel bankId={bankId} onImported={changed} />
      </Card>
      <Card title="题目">
        <Table<AdminQuestion>
          className="question-table" rowKey="id" size="middle" loading={list.loading} dataSource={list.items} pagination={false} tableLayout="fixed"
          locale={{ emptyText: list.error ?? '题库里还没有题目，可导入模板或手工添加' }}
          columns={[
            { title: '题型', dataIndex: 'type', width: 80, render: (t: AdminQuestion['type']) => <Tag className="question-type">{typeShort[t]}</Tag> },
            { title: '题干', dataIndex: 'stem', render: (s: string) => <Ellipsis text={s} /> },
            { title: '选项', key: 'options', width: 280, render: (_, q) => <Ellipsis text={q.options.map((o) => `${o.key}. ${o.text}`).join('  ')} /> },
            { title: '答案', key: 'answer', width: 80, render: (_, q) => (q.type === 'judge' ? (q.answer[0] === 'A' ? '对' : '错') : q.answer.join('')) },
            { title: '标签', dataIndex: 'tags', width: 160, render: (tags: string[]) => <Ellipsis text={tags.join('、') || '—'} /> },
            { title: '操作', key: 'a', width: 80, render: (_, q) => <Button type="link" size="small" className="question-edit" onClick={() => setEditing({ question: q })}>修改</Button> },
          ]}
        />
        <CursorPager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>修改题目不影响已评分的答题记录。</Typography.Paragraph>
      </Card>
      <QuestionDrawer
        open={editing !== null} bankId={bankId} question={editing?.question}
        onClose={() => setEditing(null)}
        onSaved={() => { message.success(editing?.question ? '已保存修改' : '已添加题目'); setEditing(null); changed(); }}
      />
    </Space>
  );
}
