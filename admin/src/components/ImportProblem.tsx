import { Alert, Table } from 'antd';
import { ApiError, errorMessage } from '../api/client';

export interface RowError { row: number; message: string }
export interface ImportProblemState { detail: string; rows: RowError[] }

/** What an import's failure says: the problem's detail and its per-row errors, if the answer named rows. */
export function importProblemOf(err: unknown): ImportProblemState {
  if (!(err instanceof ApiError)) return { detail: errorMessage(err), rows: [] };
  const rows = (err.problem.errors ?? []).filter((e) => e.row !== undefined).map((e) => ({ row: e.row!, message: e.message }));
  return { detail: err.problem.detail, rows };
}

/** The failure of an import: a red line, then every bad row with its number (paged when there are many). */
export function ImportProblem({ problem }: { problem: ImportProblemState | null }) {
  if (!problem) return null;
  return (
    <>
      <Alert type="error" showIcon title={problem.detail} className="form-problem" />
      {problem.rows.length > 0 && (
        <Table<RowError> className="import-errors" rowKey={(r) => `${r.row}-${r.message}`} size="small" dataSource={problem.rows}
          pagination={problem.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[{ title: '行号', dataIndex: 'row', width: 80 }, { title: '问题', dataIndex: 'message' }]} />
      )}
    </>
  );
}
