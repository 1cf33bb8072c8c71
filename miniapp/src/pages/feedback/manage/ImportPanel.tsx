import { useState } from 'react';
import { routes, type Infer } from '@kaimen/shared';
import { ApiError, errorMessage } from '../../../api/error';
import { sheetContentType, upload } from '../../../api/files';

type ImportResult = Infer<typeof routes.importSuggestions.response>;
type RowError = { row?: number; message: string };

/** Import offline suggestions (window cards, letters, hotline, forums, questionnaires) from CSV or XLSX. */
export function ImportPanel({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);

  const send = async () => {
    if (!file) return;
    const contentType = sheetContentType(file);
    setResult(null);
    setRowErrors([]);
    if (!contentType) {
      setError('请选择 .csv 或 .xlsx 文件');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const bytes = await file.arrayBuffer();
      // A large file is written in several requests: each answers where to go on (`nextRow`) until none remain.
      const total: ImportResult = { imported: 0, skipped: 0, errors: [] };
      for (let from: number | undefined; ;) {
        const r = await upload(routes.importSuggestions, { params: { campaignId }, ...(from ? { query: { from: String(from) } } : {}), file: bytes, contentType });
        Object.assign(total, { imported: total.imported + r.imported, skipped: total.skipped + r.skipped, errors: r.errors, remaining: r.remaining });
        setResult({ ...total });
        if (!r.remaining || r.nextRow === undefined) break;
        from = r.nextRow;
      }
      setRowErrors(total.errors);
      onImported();
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setRowErrors((err.problem.errors ?? []).map((e) => ({ row: e.row, message: e.path ? `${e.path}：${e.message}` : e.message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="admin-card import-panel">
      <div className="admin-title">导入线下意见</div>
      <div className="muted">
        CSV 或 XLSX，第一行为列名：category（类别标识）、content（意见内容）、channel（window 窗口意见卡 / letter 来信 / hotline 热线 / forum 座谈会 /
        questionnaire 问卷）、submittedAt（提交时间）、externalId（原编号，重复导入时跳过）。文件有错误时整份不导入。
      </div>
      <div className="admin-toolbar">
        <input className="import-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="button" className="admin-btn admin-btn--primary import-send" disabled={!file || busy} onClick={() => void send()}>
          {busy ? '导入中…' : '导入'}
        </button>
      </div>
      {result ? (
        <div className="admin-ok import-result">
          已导入 <b className="import-imported">{result.imported}</b> 条，跳过 <b className="import-skipped">{result.skipped}</b> 条
          {busy && result.remaining ? `，还有 ${result.remaining} 条正在导入…` : ''}
        </div>
      ) : null}
      {error ? <div className="admin-error import-error">{error}</div> : null}
      {rowErrors.length > 0 ? (
        <table className="admin-table import-row-errors">
          <thead>
            <tr>
              <th>行</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {rowErrors.map((e, i) => (
              <tr key={i}>
                <td>{e.row ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
