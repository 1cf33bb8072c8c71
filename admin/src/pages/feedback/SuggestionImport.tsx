import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { channelLabels, IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, offlineChannels, routes, type Campaign } from '@kaimen/shared';
import { saveBlob, upload } from '../../api/files';
import { ImportProblem, importProblemOf, type ImportProblemState } from '../../components/ImportProblem';

/** A CSV template with the Chinese headers and one sample row (BOM, so Excel reads it as UTF-8). */
function template(campaign: Campaign): Blob {
  const header = IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c]).join(',');
  const sample = [campaign.categories[0]?.label ?? '其他', '窗口意见卡：希望中午也能办理业务', channelLabels.window, '2026-03-01', 'CARD-001'].join(',');
  return new Blob([`\uFEFF${header}\n${sample}\n`], { type: 'text/csv;charset=utf-8' });
}

interface Props {
  campaign?: Campaign;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** Offline suggestions (window cards, letters, hotline, forums, questionnaires) from CSV or XLSX; bad rows listed, nothing imported. */
export function SuggestionImport({ campaign, open, onClose, onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ImportProblemState | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const send = async (file: File) => {
    if (!campaign) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      // A large file is written over several requests: each answers where to go on (`nextRow`) until none remain.
      let imported = 0;
      let skipped = 0;
      for (let from: number | undefined; ;) {
        const r = await upload(routes.importSuggestions, file, { params: { campaignId: campaign.id }, ...(from !== undefined ? { query: { from: String(from) } } : {}) });
        imported += r.imported;
        skipped += r.skipped;
        const more = !!r.remaining && r.nextRow !== undefined;
        setDone(`已导入 ${imported} 条，跳过已导入过的 ${skipped} 条${more ? `，还有 ${r.remaining} 条正在导入…` : ''}`);
        if (!more) break;
        from = r.nextRow;
      }
      onImported();
    } catch (err) {
      setProblem(importProblemOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} width={760} title="导入线下意见" rootClassName="import-modal" afterClose={() => { setProblem(null); setDone(null); }}>
      <Typography.Paragraph type="secondary">
        CSV 或 Excel 文件，第一行为列名：{IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c]).join('、')}。
        类别填本活动的类别名称；渠道填{offlineChannels.map((c) => channelLabels[c]).join('、')}之一；原编号相同的行再次导入时跳过。文件有错误行时整份不导入。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void send(f); return false; }}>
            <Button type="primary" icon={<UploadOutlined />} loading={busy} className="import-choose">选择文件并导入</Button>
          </Upload>
          <Button icon={<DownloadOutlined />} disabled={!campaign} onClick={() => campaign && saveBlob(template(campaign), '线下意见导入模板.csv')}>下载模板</Button>
        </Space>
        {done && <Alert type="success" showIcon title={done} className="import-done" />}
        <ImportProblem problem={problem} />
      </Space>
    </Modal>
  );
}
