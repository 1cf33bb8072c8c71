import { useState } from 'react';
import { questionTypeLabels, type AdminQuestion, type Bank } from '@kaimen/shared';
import { QuestionForm } from './QuestionForm';
import { useBankQuestions } from './useBankQuestions';

/** The answer as an admin reads it: letters, or 对/错 for a judge question. */
function answerText(q: AdminQuestion): string {
  if (q.type === 'judge') return q.answer[0] === 'A' ? '对' : '错';
  return q.answer.join('');
}

/** The questions of the selected bank (stem, type, answer, tags), with 新增题目 and 编辑. */
export function QuestionPanel({ bank, version, onChanged }: { bank: Bank | undefined; version: number; onChanged: () => void }) {
  const bankId = bank?.id ?? '';
  const { questions, loading, error } = useBankQuestions(bankId, version);
  /** `null`: no form; `'new'`: adding; otherwise the question being edited. */
  const [editing, setEditing] = useState<AdminQuestion | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [formBank, setFormBank] = useState(bankId);
  if (formBank !== bankId) {
    setFormBank(bankId);
    setEditing(null);
    setMessage(null);
  }

  const open = (q: AdminQuestion | 'new') => {
    setMessage(null);
    setEditing(q);
  };
  const saved = (q: AdminQuestion, added: boolean) => {
    setEditing(null);
    setMessage(added ? `已新增题目「${q.stem}」` : `已保存题目「${q.stem}」`);
    onChanged();
  };

  if (!bank) return null;
  return (
    <div className="qa-card qa-questions">
      <div className="qa-title">题目 · {bank.title}</div>
      <div className="qa-toolbar">
        <button type="button" className="qa-btn qa-btn--primary qa-question-add" disabled={editing !== null} onClick={() => open('new')}>新增题目</button>
        <span className="qa-muted qa-question-count">{loading ? '加载中…' : `共 ${questions.length} 题`}</span>
      </div>
      {editing !== null ? (
        <QuestionForm
          key={editing === 'new' ? 'new' : editing.id}
          bankId={bank.id}
          question={editing === 'new' ? null : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {message ? <div className="qa-ok qa-question-message">{message}</div> : null}
      {error ? <div className="qa-error qa-question-list-error">{error}</div> : null}
      <table className="qa-table qa-question-table">
        <thead><tr><th>题干</th><th>题型</th><th>答案</th><th>标签</th><th /></tr></thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.id} className={`qa-question-row${editing !== null && editing !== 'new' && editing.id === q.id ? ' is-selected' : ''}`}>
              <td className="qa-question-stem">{q.stem}</td>
              <td className="qa-question-type">{questionTypeLabels[q.type]}</td>
              <td className="qa-question-answer">{answerText(q)}</td>
              <td className="qa-question-tags">{q.tags.join('、')}</td>
              <td><button type="button" className="qa-btn qa-question-edit" onClick={() => open(q)}>编辑</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && !error && questions.length === 0 ? <div className="qa-muted qa-question-empty">题库中还没有题目，可导入或新增。</div> : null}
    </div>
  );
}
