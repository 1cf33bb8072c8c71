import { useRef, useState } from 'react';
import { optionKeys, questionTypeLabels, questionTypes, routes, type AdminQuestion, type QuestionBody, type QuestionType } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/error';
import { questionErrors, type QuestionErrors } from './questionErrors';

interface Draft {
  type: QuestionType;
  stem: string;
  /** Texts of options A–F; trailing blanks are not sent. */
  options: string[];
  /** Keys of the right options (A/B… ; A = 对, B = 错 for judge). */
  answer: string[];
  explanation: string;
  tags: string;
}

const blankOptions = () => optionKeys.map(() => '');

function draftOf(q: AdminQuestion | null): Draft {
  if (!q) return { type: 'single', stem: '', options: blankOptions(), answer: [], explanation: '', tags: '' };
  const options = blankOptions();
  if (q.type !== 'judge') q.options.forEach((o) => {
    const i = (optionKeys as readonly string[]).indexOf(o.key);
    if (i >= 0) options[i] = o.text;
  });
  return { type: q.type, stem: q.stem, options, answer: [...q.answer], explanation: q.explanation, tags: q.tags.join('、') };
}

function bodyOf(d: Draft): QuestionBody {
  const tags = d.tags.split(/[,，、;；\s]+/).map((t) => t.trim()).filter(Boolean);
  const last = d.options.reduce((acc, t, i) => (t.trim() ? i : acc), -1);
  const answer = d.type === 'judge' ? (d.answer[0] === 'B' ? '错' : d.answer[0] === 'A' ? '对' : '') : [...d.answer].sort().join('');
  return {
    type: d.type,
    stem: d.stem,
    ...(d.type === 'judge' ? {} : { options: d.options.slice(0, last + 1).map((t) => t.trim()) }),
    answer,
    ...(d.explanation.trim() ? { explanation: d.explanation.trim() } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

const typeShort: Record<QuestionType, string> = { single: '单选', multiple: '多选', judge: '判断' };

/** Adds a question to a bank or edits one: type, stem, options A–F, answer, explanation, tags; errors per field. */
export function QuestionForm({ bankId, question, onSaved, onCancel }: {
  bankId: string;
  question: AdminQuestion | null;
  onSaved: (q: AdminQuestion, added: boolean) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(question));
  const [errors, setErrors] = useState<QuestionErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per question being added, kept across a retry after a lost answer, renewed after a refusal.
  const key = useRef(newIdempotencyKey());

  const setType = (type: QuestionType) => setD({ ...d, type, answer: type === d.type ? d.answer : [] });
  const setOption = (i: number, text: string) => setD({ ...d, options: d.options.map((t, j) => (j === i ? text : t)) });
  const toggleAnswer = (k: string) => {
    if (d.type === 'multiple') setD({ ...d, answer: d.answer.includes(k) ? d.answer.filter((a) => a !== k) : [...d.answer, k] });
    else setD({ ...d, answer: [k] });
  };

  const save = async () => {
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const body = bodyOf(d);
      const saved = question
        ? await call(routes.updateQuestion, { params: { bankId, questionId: question.id }, body })
        : await call(routes.addQuestion, { params: { bankId }, body, idempotencyKey: key.current });
      onSaved(saved, !question);
    } catch (err) {
      if (err instanceof ApiError && !err.network) key.current = newIdempotencyKey();
      setErrors(questionErrors(err));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => (errors[field] ? <div className={`qa-error qa-field-error qa-q-error-${field.replace('.', '-')}`}>{errors[field]}</div> : null);

  return (
    <div className="qa-question-form">
      <div className="qa-subtitle">{question ? '编辑题目' : '新增题目'}</div>
      <div className="qa-field qa-q-field--type">
        <span>题型</span>
        <div className="qa-q-types">
          {questionTypes.map((t) => (
            <label key={t} className={`qa-q-type qa-q-type-${t}`} title={questionTypeLabels[t]}>
              <input type="radio" name="qa-q-type" checked={d.type === t} onChange={() => setType(t)} /> {typeShort[t]}
            </label>
          ))}
        </div>
        {fieldError('type')}
      </div>
      <label className="qa-field qa-q-field--stem">
        <span>题干</span>
        <textarea className="qa-input qa-q-stem" rows={3} maxLength={1000} value={d.stem} onChange={(e) => setD({ ...d, stem: e.target.value })} />
        {fieldError('stem')}
      </label>
      {d.type === 'judge' ? (
        <div className="qa-field qa-q-field--answer">
          <span>答案</span>
          <div className="qa-q-types">
            {(['A', 'B'] as const).map((k) => (
              <label key={k} className={`qa-q-judge qa-q-judge-${k === 'A' ? 'true' : 'false'}`}>
                <input type="radio" name="qa-q-judge" checked={d.answer[0] === k} onChange={() => toggleAnswer(k)} /> {k === 'A' ? '对' : '错'}
              </label>
            ))}
          </div>
          {fieldError('answer')}
        </div>
      ) : (
        <div className="qa-field qa-q-field--options">
          <span>选项（从 A 起连续填写；勾选正确答案{d.type === 'multiple' ? '，可多选' : ''}）</span>
          {optionKeys.map((k, i) => (
            <div key={k} className={`qa-q-option qa-q-option-${k}`}>
              <label className="qa-q-correct" title="正确答案">
                <input
                  type={d.type === 'multiple' ? 'checkbox' : 'radio'}
                  name="qa-q-correct"
                  className={`qa-q-answer-${k}`}
                  checked={d.answer.includes(k)}
                  onChange={() => toggleAnswer(k)}
                />
                {k}
              </label>
              <input className={`qa-input qa-q-option-text qa-q-option-${k}-text`} maxLength={500} value={d.options[i]} onChange={(e) => setOption(i, e.target.value)} />
              {fieldError(`options.${i}`)}
            </div>
          ))}
          {fieldError('options')}
          {fieldError('answer')}
        </div>
      )}
      <label className="qa-field qa-q-field--explanation">
        <span>解析（可空）</span>
        <textarea className="qa-input qa-q-explanation" rows={2} maxLength={2000} value={d.explanation} onChange={(e) => setD({ ...d, explanation: e.target.value })} />
        {fieldError('explanation')}
      </label>
      <label className="qa-field qa-q-field--tags">
        <span>标签（用顿号或逗号分隔，可空）</span>
        <input className="qa-input qa-q-tags" value={d.tags} onChange={(e) => setD({ ...d, tags: e.target.value })} />
        {fieldError('tags')}
      </label>
      <div className="qa-toolbar">
        <button type="button" className="qa-btn qa-btn--primary qa-q-save" disabled={busy} onClick={() => void save()}>{busy ? '保存中…' : '保存'}</button>
        <button type="button" className="qa-btn qa-q-cancel" disabled={busy} onClick={onCancel}>取消</button>
      </div>
      {error ? <div className="qa-error qa-q-error">{error}</div> : null}
      {fieldError('form')}
    </div>
  );
}
