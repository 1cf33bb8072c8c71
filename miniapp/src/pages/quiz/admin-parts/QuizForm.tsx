import { useState } from 'react';
import { routes, type Bank } from '@kaimen/shared';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/error';

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Sets a quiz: a random draw per type from a bank, points, time, attempts, pass score, window and review policy. */
export function QuizForm({ banks, onCreated }: { banks: Bank[]; onCreated: () => void }) {
  const [f, setF] = useState({
    title: '', bankId: '', single: '5', multiple: '3', judge: '2', tag: '', pSingle: '2', pMultiple: '3', pJudge: '1',
    minutes: '20', attempts: '1', passScore: '12', scoreRule: 'best', reviewPolicy: 'immediate', opensAt: '', closesAt: '', onlineWeight: '0.6', orgIds: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const n = (s: string) => Number(s || 0);

  const submit = async () => {
    setError(null);
    setMessage(null);
    try {
      const quiz = await call(routes.createQuiz, {
        body: {
          title: f.title.trim(), bankId: f.bankId || banks[0]?.id || '',
          draw: { single: n(f.single), multiple: n(f.multiple), judge: n(f.judge), ...(f.tag.trim() ? { tag: f.tag.trim() } : {}) },
          points: { single: n(f.pSingle), multiple: n(f.pMultiple), judge: n(f.pJudge) },
          timeLimitSeconds: n(f.minutes) * 60, attemptsAllowed: n(f.attempts), passScore: n(f.passScore),
          scoreRule: f.scoreRule as 'best' | 'last', reviewPolicy: f.reviewPolicy as 'immediate' | 'after_close' | 'never',
          onlineWeight: Number(f.onlineWeight),
          ...(f.opensAt ? { opensAt: toIso(f.opensAt) } : {}), ...(f.closesAt ? { closesAt: toIso(f.closesAt) } : {}),
          ...(f.orgIds.trim() ? { orgIds: f.orgIds.split(/[,，\s]+/).filter(Boolean) } : {}),
        },
      });
      setMessage(`已发布「${quiz.title}」：${quiz.questionCount} 题，满分 ${quiz.maxScore}`);
      onCreated();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const field = (label: string, k: keyof typeof f, extra: Record<string, unknown> = {}) => (
    <label className={`qa-field qa-field--${k}`}>
      <span>{label}</span>
      <input className={`qa-input qa-quiz-${k}`} value={f[k]} onChange={set(k)} {...extra} />
    </label>
  );

  return (
    <div className="qa-card qa-quiz-form">
      <div className="qa-title">发布测试</div>
      <div className="qa-grid">
        {field('测试名称', 'title', { maxLength: 100 })}
        <label className="qa-field">
          <span>题库</span>
          <select className="qa-input qa-quiz-bank" value={f.bankId} onChange={set('bankId')}>
            {banks.map((b) => <option key={b.id} value={b.id}>{b.title}（{b.questionCount} 题）</option>)}
          </select>
        </label>
        {field('单选题数', 'single', { type: 'number', min: 0 })}
        {field('多选题数', 'multiple', { type: 'number', min: 0 })}
        {field('判断题数', 'judge', { type: 'number', min: 0 })}
        {field('只抽此标签（可空）', 'tag')}
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
      <button type="button" className="qa-btn qa-btn--primary qa-quiz-create" disabled={!f.title.trim() || banks.length === 0} onClick={() => void submit()}>发布</button>
      {message ? <div className="qa-ok qa-quiz-message">{message}</div> : null}
      {error ? <div className="qa-error qa-quiz-error">{error}</div> : null}
    </div>
  );
}
