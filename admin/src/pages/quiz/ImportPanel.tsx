import { useState } from 'react';
import { Alert, App, Button, Space, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { routes } from '@kaimen/shared';
import { errorMessage } from '../../api/client';
import { download, saveBlob, upload } from '../../api/files';
import { ImportProblem, importProblemOf, type ImportProblemState } from '../../components/ImportProblem';

/** Template download and CSV/XLSX import; a file with bad rows imports nothing and lists every row. */
export function ImportPanel({ bankId, onImported }: { bankId: string; onImported: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ImportProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const template = async (format: 'xlsx' | 'csv') => {
    try {
      saveBlob(await download(routes.questionBankTemplate, { params: {}, query: { format } } as never), `题库导入模板.${format}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const send = async (file: File) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const r = await upload(routes.importQuestions, file, { params: { bankId } });
      if (r.errors.length) setProblem({ detail: '文件中有错误行，整份未导入，请修改后重新上传', rows: r.errors });
      else {
        setDone(`已导入 ${r.imported} 题，跳过重复 ${r.skipped} 题`);
        onImported();
      }
    } catch (err) {
      setProblem(importProblemOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void send(f); return false; }}>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} className="question-import">导入题目（CSV / XLSX）</Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={() => void template('xlsx')}>下载模板（Excel）</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void template('csv')}>下载模板（CSV）</Button>
      </Space>
      {done && <Alert type="success" showIcon title={done} className="import-done" />}
      <ImportProblem problem={problem} />
    </Space>
  );
}
