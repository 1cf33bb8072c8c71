import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { routes, type Infer } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { download, saveBlob } from '../../api/files';
import { Ellipsis } from '../../components/Ellipsis';
import { OrgPicker } from '../../components/OrgPicker';
import { percent } from './labels';

type Report = Infer<typeof routes.studyReport.response>;
type BranchRow = Report['branches'][number];

/** Study figures of an org, one row per branch, and the same as an Excel workbook for the annual review. */
export default function ReportPage() {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    call(routes.studyReport, { query: orgId ? { orgId } : {} }).then(
      (r) => { setReport(r); setError(null); setLoading(false); },
      (err: unknown) => { setError(errorMessage(err)); setLoading(false); },
    );
  }, [orgId]);

  const exportXlsx = async () => {
    try {
      saveBlob(await download(routes.studyReportXlsx, { params: undefined as never, query: orgId ? { orgId } : {} }), `学习统计-${report?.orgName ?? ''}.xlsx`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const t = report?.totals;
  return (
    <Card title="学习统计" extra={
      <Space>
        <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 300 }} placeholder="本组织（可选择下级组织）" />
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} className="report-xlsx">导出 Excel</Button>
      </Space>
    }>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {t && (
        <Descriptions size="small" column={6} style={{ marginBottom: 16 }} title={`${report.orgName}（可学课程 ${report.lessonsAvailable} 门）`} items={[
          { key: 'm', label: '党员', children: t.members },
          { key: 'a', label: '参学', children: t.activeMembers },
          { key: 'l', label: '完成课程', children: t.lessonsCompleted },
          { key: 'c', label: '完成率', children: percent(t.completion) },
          { key: 'min', label: '学习分钟', children: t.minutes },
          { key: 'p', label: '积分', children: t.points },
        ]} />
      )}
      <Table<BranchRow>
        className="report-table" rowKey="orgId" size="middle" loading={loading} dataSource={report?.branches ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} tableLayout="fixed"
        columns={[
          { title: '支部', dataIndex: 'orgName', render: (n: string) => <Ellipsis text={n} /> },
          { title: '党员', dataIndex: 'members', width: 90, sorter: (a, b) => a.members - b.members },
          { title: '参学人数', dataIndex: 'activeMembers', width: 100, sorter: (a, b) => a.activeMembers - b.activeMembers },
          { title: '完成课程', dataIndex: 'lessonsCompleted', width: 100 },
          { title: '完成率', dataIndex: 'completion', width: 100, render: percent, sorter: (a, b) => a.completion - b.completion },
          { title: '学习分钟', dataIndex: 'minutes', width: 100, sorter: (a, b) => a.minutes - b.minutes },
          { title: '积分', dataIndex: 'points', width: 90, sorter: (a, b) => a.points - b.points },
        ]}
      />
    </Card>
  );
}
