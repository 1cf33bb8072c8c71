import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { routes } from '@kaimen/shared';
import { upload } from '../../api/files';
import { ImportProblem, importProblemOf, type ImportProblemState } from '../../components/ImportProblem';
import type { AdminQuiz } from './labels';

/** Imports the offline subjective exam's scores (XLSX or CSV: 党员编号, 成绩) and lists any bad rows. */
export function OfflineScoresModal({ quiz, onClose }: { quiz: AdminQuiz | null; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ImportProblemState | null>(null);

  useEffect(() => {
    setDone(null);
    setProblem(null);
  }, [quiz]);

  const send = async (file: File) => {
    if (!quiz) return;
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      const r = await upload(routes.importOfflineScores, file, { params: { quizId: quiz.id } });
      setDone(`已录入 ${r.recorded} 人的成绩，${r.topicScores.length} 人的专题总成绩已算出`);
      if (r.errors.length) setProblem({ detail: '以下行未录入', rows: r.errors });
    } catch (err) {
      setProblem(importProblemOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={quiz !== null} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} title={quiz ? `线下主观题成绩：${quiz.title}` : ''} width={640} rootClassName="offline-modal">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          上传 Excel 或 CSV 文件，两列：党员编号、成绩（满分 {quiz?.offlineMaxScore ?? 100}）。线上成绩占 {Math.round((quiz?.onlineWeight ?? 1) * 100)}%。
        </Typography.Paragraph>
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void send(f); return false; }}>
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>选择文件并导入</Button>
        </Upload>
        {done && <Alert type="success" showIcon title={done} />}
        <ImportProblem problem={problem} />
      </Space>
    </Modal>
  );
}
