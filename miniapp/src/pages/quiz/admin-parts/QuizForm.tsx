import { useState } from 'react';
import { questionTypeLabels, routes, type Bank } from '@kaimen/shared';
import { call } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/error';
import { useBankQuestions } from './useBankQuestions';

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

type Mode = 'draw' | 'fixed';

/** The body field (first path segment of an error) each input of the form fills. */
const bodyField: Record<string, string> = {
  title: 'title', bankId: 'bankId', single: 'draw', multiple: 'draw', judge: 'draw', tag: 'draw', pSingle: 'points', pMultiple: 'points', pJudge: 'points',
  minutes: 'timeLimitSeconds', attempts: 'attemptsAllowed', passScore: 'passScore', scoreRule: 'scoreRule', reviewPolicy: 'reviewPolicy',
  opensAt: 'opensAt', closesAt: 'closesAt', onlineWeight: 'onlineWeight', orgIds: 'orgIds',
};

/**
 * Sets a quiz: a random draw per type from a bank (随机抽题) or questions ticked from the bank (指定题目),
 * points, time, attempts, pass score, window and review policy.
 */
export function QuizForm({ banks, questionsVersion = 0, onCreated }: { banks: Bank[]; questionsVersion?: number; onCreated: () => void }) {
  const [f, setF] = useState({
    title: '', bankId: '', single: '5', multiple: '3', judge: '2', tag: '', pSingle: '2', pMultiple: '3', pJudge: '1',
    minutes: '20', attempts: '1', passScore: '12', scoreRule: 'best', reviewPolicy: 'immediate', opensAt: '', closesAt: '', onlineWeight: '0.6', orgIds: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<Mode>('draw');
  const [picked, setPicked] = useState<string[]>([]);
  const bankId = f.bankId || banks[0]?.id || '';
  const { questions, loading, error: listError } = useBankQuestions(mode === 'fixed' ? bankId : '', questionsVersion);
  /** Ticked questions still in the bank's list, in the bank's order. */
  const chosen = questions.filter((q) => picked.includes(q.id)).map((q) => q.id);
  const togglePick = (id: string) => setPicked(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id]);
  const allPicked = questions.length > 0 && chosen.length === questions.length;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const n = (s: string) => Number(s || 0);

  const submit = async () => {
    setError(null);
    setMessage(null);
    setFieldErrors({});
    try {
      const quiz = await call(routes.createQuiz, {
        body: {
          title: f.title.trim(), bankId,
          ...(mode === 'draw'
            ? { draw: { single: n(f.single), multiple: n(f.multiple), judge: n(f.judge), ...(f.tag.trim() ? { tag: f.tag.trim() } : {}) } }
            : { questionIds: chosen }),
          points: { single: n(f.pSingle), multiple: n(f.pMultiple), judge: n(f.pJudge) },
          timeLimitSeconds: n(f.minutes) * 60, attemptsAllowed: n(f.attempts), passScore: n(f.passScore),
          scoreRule: f.scoreRule as 'best' | 'last', reviewPolicy: f.reviewPolicy as 'immediate' | 'after_close' | 'never',
          onlineWeight: Number(f.onlineWeight),
          ...(f.opensAt ? { opensAt: toIso(f.opensAt) } : {}), ...(f.closesAt ? { closesAt: toIso(f.closesAt) } : {}),
          ...(f.orgIds.trim() ? { orgIds: f.orgIds.split(/[,，\s]+/).filter(Boolean) } : {}),
        },
      });
      setMessage(`已发布「${quiz.title}」：${quiz.questionCount} 题，满分 ${quiz.maxScore}`);
      if (mode === 'fixed') setPicked([]);
      onCreated();
    } catch (err) {
      setError(errorMessage(err));
      const byField: Record<string, string> = {};
      if (err instanceof ApiError) for (const e of err.problem.errors ?? []) byField[e.path.split('.')[0] ?? ''] ??= e.message;
      setFieldErrors(byField);
    }
  };

  const fieldError = (name: string | undefined) =>
    name && fieldErrors[name] ? <span className={`qa-error qa-field-error qa-quiz-error-${name}`}>{fieldErrors[name]}</span> : null;
  const field = (label: string, k: keyof typeof f, extra: Record<string, unknown> = {}) => (
    <label className={`qa-field qa-field--${k}`}>
      <span>{label}</span>
      <input className={`qa-input qa-quiz-${k}`} value={f[k]} onChange={set(k)} {...extra} />
      {/* The draw's message shows once under the form, the points' once at the first of them. */}
      {['single', 'multiple', 'judge', 'tag', 'pMultiple', 'pJudge'].includes(k) ? null : fieldError(bodyField[k])}
    </label>
  );

  return (
    <div className="qa-card qa-quiz-form">
      <div className="qa-title">发布测试</div>
      <div className="qa-toolbar qa-quiz-mode">
        <span>出题方式</span>
        <label className="qa-quiz-mode-draw">
          <input type="radio" name="qa-quiz-mode" checked={mode === 'draw'} onChange={() => setMode('draw')} /> 随机抽题
        </label>
        <label className="qa-quiz-mode-fixed">
          <input type="radio" name="qa-quiz-mode" checked={mode === 'fixed'} onChange={() => setMode('fixed')} /> 指定题目
        </label>
      </div>
      <div className="qa-grid">
        {field('测试名称', 'title', { maxLength: 100 })}
        <label className="qa-field">
          <span>题库</span>
          <select className="qa-input qa-quiz-bank" value={f.bankId} onChange={set('bankId')}>
            {banks.map((b) => <option key={b.id} value={b.id}>{b.title}（{b.questionCount} 题）</option>)}
          </select>
          {fieldError('bankId')}
        </label>
        {mode === 'draw' ? (
          <>
            {field('单选题数', 'single', { type: 'number', min: 0 })}
            {field('多选题数', 'multiple', { type: 'number', min: 0 })}
            {field('判断题数', 'judge', { type: 'number', min: 0 })}
            {field('只抽此标签（可空）', 'tag')}
          </>
        ) : null}
        {field('单选每题分', 'pSingle', { type: 'number', min: 0 })}
        {field('多选每题分', 'pMultiple', { type: 'number', min: 0 })}
        {field('判断每题分', 'pJudge', { type: 'number', min: 0 })}
        {field('限时（分钟）', 'minutes', { type: 'number', min: 1 })}
        {field('可作答次数', 'attempts', { type: 'number', min: 1 })}
        {field('及格分', 'passScore', { type: 'number', min: 0 })}
        <label className="qa-field">
          <span>计分方式</span>
          <select className="qa-input qa-quiz-scoreRule" value={f.scoreRule} onChange={set('scoreRule')}>
            <option value="best">取最高分</option>
            <option value="last">取最后一次</option>
          </select>
        </label>
        <label className="qa-field">
          <span>答案解析</span>
          <select className="qa-input qa-quiz-reviewPolicy" value={f.reviewPolicy} onChange={set('reviewPolicy')}>
            <option value="immediate">交卷后立即可看</option>
            <option value="after_close">测试结束后可看</option>
            <option value="never">不公布</option>
          </select>
        </label>
        {field('开始时间（空为现在）', 'opensAt', { type: 'datetime-local' })}
        {field('结束时间（空为两周后）', 'closesAt', { type: 'datetime-local' })}
        {field('线上成绩权重（0–1）', 'onlineWeight', { type: 'number', min: 0, max: 1, step: 0.1 })}
        {field('参加组织编号（空为本组织）', 'orgIds')}
      </div>
      {mode === 'fixed' ? (
        <div className="qa-quiz-picker">
          <div className="qa-subtitle">
            指定题目：<span className="qa-quiz-picked-count">已选 {chosen.length} 题</span>
            {loading ? <span className="qa-muted">（加载中…）</span> : null}
          </div>
          {listError ? <div className="qa-error qa-quiz-picker-error">{listError}</div> : null}
          {fieldError('questionIds')}
          <table className="qa-table qa-quiz-pick-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    className="qa-quiz-pick-all"
                    title="全选"
                    checked={allPicked}
                    disabled={questions.length === 0}
                    onChange={() => setPicked(allPicked ? [] : questions.map((q) => q.id))}
                  />
                </th>
                <th>题干</th><th>题型</th><th>标签</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.id} className={`qa-quiz-pick-row${picked.includes(q.id) ? ' is-selected' : ''}`} onClick={() => togglePick(q.id)}>
                  <td>
                    <input type="checkbox" className="qa-quiz-pick" checked={picked.includes(q.id)} onClick={(e) => e.stopPropagation()} onChange={() => togglePick(q.id)} />
                  </td>
                  <td>{q.stem}</td><td>{questionTypeLabels[q.type]}</td><td>{q.tags.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!loading && !listError && questions.length === 0 ? <div className="qa-muted">所选题库中还没有题目。</div> : null}
        </div>
      ) : (
        fieldError('draw')
      )}
      <button
        type="button"
        className="qa-btn qa-btn--primary qa-quiz-create"
        disabled={!f.title.trim() || banks.length === 0 || (mode === 'fixed' && chosen.length === 0)}
        onClick={() => void submit()}
      >
        发布
      </button>
      {message ? <div className="qa-ok qa-quiz-message">{message}</div> : null}
      {error ? <div className="qa-error qa-quiz-error">{error}</div> : null}
    </div>
  );
}
