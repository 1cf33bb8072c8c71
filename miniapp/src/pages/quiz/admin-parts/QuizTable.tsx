import { useEffect, useState } from 'react';
import { routes, XLSX_MEDIA_TYPE, type Infer } from '@kaimen/shared';
import { call } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/error';
import { download, saveBlob, upload } from '../../../api/files';

type AdminQuiz = Infer<typeof routes.adminListQuizzes.response>['items'][number];
type Stats = Infer<typeof routes.quizStats.response>;

const statusLabels = { upcoming: '未开始', open: '进行中', closed: '已结束' } as const;

/** Quizzes set in the caller's orgs, with statistics (hardest questions first) and the results workbook. */
export function QuizTable({ version }: { version: number }) {
  const [items, setItems] = useState<AdminQuiz[]>([]);
  const [stats, setStats] = useState<{ quiz: AdminQuiz; stats: Stats } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call(routes.adminListQuizzes, { query: { limit: '100' } }).then((p) => setItems(p.items)).catch((err: unknown) => setError(errorMessage(err)));
  }, [version]);

  const showStats = async (quiz: AdminQuiz) => {
    try {
      setStats({ quiz, stats: await call(routes.quizStats, { params: { quizId: quiz.id } }) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const [offline, setOffline] = useState<string | null>(null);
  const importOffline = async (quiz: AdminQuiz, file: File | undefined) => {
    if (!file) return;
    setError(null);
    setOffline(null);
    try {
      const contentType = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_MEDIA_TYPE;
      const r = await upload(routes.importOfflineScores, { params: { quizId: quiz.id }, file: await file.arrayBuffer(), contentType });
      setOffline(`「${quiz.title}」已录入线下成绩 ${r.recorded} 人${r.errors.length ? `；未录入：${r.errors.map((e) => e.message).join('；')}` : ''}`);
    } catch (err) {
      const rows = err instanceof ApiError ? (err.problem.errors ?? []).map((e) => e.message).join('；') : '';
      setError(`${errorMessage(err)}${rows ? `：${rows}` : ''}`);
    }
  };
  const exportResults = async (quiz: AdminQuiz) => {
    try {
      saveBlob(await download(routes.exportQuizResults, { params: { quizId: quiz.id } }), `${quiz.title}-成绩.xlsx`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="qa-card qa-quizzes">
      <div className="qa-title">已发布的测试</div>
      {error ? <div className="qa-error">{error}</div> : null}
      {offline ? <div className="qa-ok qa-offline-result">{offline}</div> : null}
      <table className="qa-table">
        <thead><tr><th>测试</th><th>状态</th><th>题数/满分</th><th>截止</th><th /></tr></thead>
        <tbody>
          {items.map((q) => (
            <tr key={q.id}>
              <td>{q.title}</td>
              <td>{statusLabels[q.status]}</td>
              <td>{q.questionCount} / {q.maxScore}</td>
              <td>{new Date(q.closesAt).toLocaleString('zh-CN')}</td>
              <td>
                <button type="button" className="qa-btn qa-stats" onClick={() => void showStats(q)}>统计</button>
                <button type="button" className="qa-btn qa-export" onClick={() => void exportResults(q)}>导出成绩</button>
                <label className="qa-btn qa-offline" title="XLSX 或 CSV，列：党员编号、成绩">
                  导入线下成绩
                  <input type="file" accept=".csv,.xlsx" style={{ display: 'none' }} onChange={(e) => void importOffline(q, e.target.files?.[0])} />
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stats ? (
        <div className="qa-stats-panel">
          <div className="qa-subtitle">
            {stats.quiz.title}：参加 {stats.stats.participants} 人，平均分 {stats.stats.averageScore}，及格率 {Math.round(stats.stats.passRate * 100)}%
          </div>
          <table className="qa-table">
            <thead><tr><th>题干（错得最多的在前）</th><th>作答</th><th>正确率</th></tr></thead>
            <tbody>
              {stats.stats.questions.map((s) => (
                <tr key={s.questionId}><td>{s.stem}</td><td>{s.answered}</td><td>{Math.round(s.correctRate * 100)}%</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
