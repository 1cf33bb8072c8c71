import { useEffect, useState } from 'react';
import { Alert, Descriptions, Drawer, Progress, Table, Tag } from 'antd';
import { routes, type Infer } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { Ellipsis } from '../../components/Ellipsis';
import { typeShort, type AdminQuiz } from './labels';

type Stats = Infer<typeof routes.quizStats.response>;
type QuestionStat = Stats['questions'][number];

/** Participants, average, pass rate and each question's correct rate (hardest first). */
export function StatsDrawer({ quiz, onClose }: { quiz: AdminQuiz | null; onClose: () => void }) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setStats(null);
    setError(null);
    if (quiz) call(routes.quizStats, { params: { quizId: quiz.id } }).then(setStats, (err: unknown) => setError(errorMessage(err)));
  }, [quiz]);

  return (
    <Drawer open={quiz !== null} onClose={onClose} size={820} title={quiz ? `测试统计：${quiz.title}` : '测试统计'} rootClassName="stats-drawer">
      {error && <Alert type="error" showIcon title={error} />}
      {stats && (
        <>
          <Descriptions column={4} size="small" style={{ marginBottom: 16 }} items={[
            { key: 'p', label: '参与人数', children: stats.participants },
            { key: 'a', label: '答题次数', children: stats.attempts },
            { key: 'avg', label: '平均分', children: stats.averageScore.toFixed(1) },
            { key: 'pass', label: '及格率', children: `${Math.round(stats.passRate * 100)}%` },
          ]} />
          <Table<QuestionStat> className="stats-table" rowKey="questionId" size="small" pagination={false} dataSource={stats.questions} tableLayout="fixed"
            locale={{ emptyText: '还没有人交卷' }}
            columns={[
              { title: '题型', dataIndex: 'type', width: 70, render: (t: string) => <Tag>{typeShort[t as keyof typeof typeShort] ?? t}</Tag> },
              { title: '题干', dataIndex: 'stem', render: (s: string) => <Ellipsis text={s} /> },
              { title: '作答', dataIndex: 'answered', width: 70 },
              { title: '正确率', dataIndex: 'correctRate', width: 180, render: (r: number) => <Progress percent={Math.round(r * 100)} size="small" /> },
            ]} />
        </>
      )}
    </Drawer>
  );
}
