import { useCallback, useEffect, useState } from 'react';
import { routes, type Bank } from '@kaimen/shared';
import { call } from '../../../api/client';
import { ApiError, errorMessage } from '../../../api/error';
import { download, saveBlob, sheetContentType, upload } from '../../../api/files';

type RowError = { row?: number; message: string };

/**
 * Question banks (题库): create one, download the template, import CSV/XLSX with every bad row listed.
 * The selected bank is reported through `onSelect`; the list reloads when `version` changes.
 */
export function BankPanel({ onBanks, onSelect, version = 0 }: { onBanks: (banks: Bank[]) => void; onSelect?: (bankId: string) => void; version?: number }) {
  const [banks, setBanks] = useState<Bank[]>([]);
  const [title, setTitle] = useState('');
  const [bankId, setBankId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);

  const reload = useCallback(async () => {
    try {
      const page = await call(routes.listQuestionBanks, { query: { limit: '100' } });
      setBanks(page.items);
      onBanks(page.items);
      setBankId((current) => current || page.items[0]?.id || '');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [onBanks]);

  useEffect(() => {
    void reload();
  }, [reload, version]);

  useEffect(() => {
    onSelect?.(bankId);
  }, [onSelect, bankId]);

  const create = async () => {
    setError(null);
    try {
      const bank = await call(routes.createQuestionBank, { body: { title: title.trim() } });
      setTitle('');
      setBankId(bank.id);
      setMessage(`已新建题库「${bank.title}」`);
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const template = async (format: 'xlsx' | 'csv') => {
    try {
      saveBlob(await download(routes.questionBankTemplate, { params: undefined, query: { format } }), `题库导入模板.${format}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const send = async () => {
    if (!file || !bankId) return;
    const contentType = sheetContentType(file);
    setMessage(null);
    setRowErrors([]);
    setError(null);
    if (!contentType) return setError('请选择 .csv 或 .xlsx 文件');
    setBusy(true);
    try {
      const r = await upload(routes.importQuestions, { params: { bankId }, file: await file.arrayBuffer(), contentType });
      setMessage(`已导入 ${r.imported} 题，跳过重复 ${r.skipped} 题`);
      await reload();
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setRowErrors((err.problem.errors ?? []).map((e) => ({ row: e.row, message: e.message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="qa-card qa-banks">
      <div className="qa-title">题库</div>
      <div className="qa-toolbar">
        <input className="qa-input qa-bank-title" placeholder="新题库名称" value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />
        <button type="button" className="qa-btn qa-btn--primary qa-bank-create" disabled={!title.trim()} onClick={() => void create()}>新建题库</button>
        <button type="button" className="qa-btn qa-template-xlsx" onClick={() => void template('xlsx')}>下载模板（Excel）</button>
        <button type="button" className="qa-btn qa-template-csv" onClick={() => void template('csv')}>下载模板（CSV）</button>
      </div>
      <table className="qa-table">
        <thead><tr><th>题库</th><th>题目数</th><th>编号</th></tr></thead>
        <tbody>
          {banks.map((b) => (
            <tr key={b.id} className={b.id === bankId ? 'is-selected' : ''} onClick={() => setBankId(b.id)}>
              <td>{b.title}</td><td>{b.questionCount}</td><td className="qa-mono">{b.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="qa-muted">
        模板列：题型（single 单选 / multiple 多选 / judge 判断）、题干、选项A–F、答案（如 A 或 ACD；判断题填 对/错）、解析、标签。
        文件中任一行有错时整份不导入；题干和选项相同的题目不会重复导入。
      </div>
      <div className="qa-toolbar">
        <select className="qa-input qa-bank-select" value={bankId} onChange={(e) => setBankId(e.target.value)}>
          {banks.map((b) => <option key={b.id} value={b.id}>{b.title}</option>)}
        </select>
        <input className="qa-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="button" className="qa-btn qa-btn--primary qa-import" disabled={!file || !bankId || busy} onClick={() => void send()}>
          {busy ? '导入中…' : '导入题目'}
        </button>
      </div>
      {message ? <div className="qa-ok qa-message">{message}</div> : null}
      {error ? <div className="qa-error qa-import-error">{error}</div> : null}
      {rowErrors.length > 0 ? (
        <table className="qa-table qa-row-errors">
          <thead><tr><th>数据行</th><th>问题</th></tr></thead>
          <tbody>{rowErrors.map((e, i) => <tr key={i}><td>{e.row ?? '—'}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      ) : null}
    </div>
  );
}
