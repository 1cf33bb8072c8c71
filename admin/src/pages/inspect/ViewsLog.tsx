import { Table } from 'antd';
import dayjs from 'dayjs';

export interface ViewLine { at: string; viewerId: string; viewerName: string; viewerOrgName: string; what: string; subjectName?: string | undefined }

/** Who read the confidential records, and when (every view is written down before it is answered). */
export function ViewsLog({ items }: { items: ViewLine[] }) {
  return (
    <Table<ViewLine>
      className="views-log" size="small" rowKey={(v) => `${v.at}${v.viewerId}`} dataSource={items} pagination={{ pageSize: 10 }}
      locale={{ emptyText: '尚无查看记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 160, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss') },
        { title: '查看人', key: 'who', render: (_, v) => `${v.viewerOrgName} ${v.viewerName}` },
        { title: '查看内容', key: 'what', render: (_, v) => (v.subjectName ? `${v.what}（${v.subjectName}）` : v.what) },
      ]}
    />
  );
}
