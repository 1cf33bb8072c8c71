import { Progress, Space, Table, Tag, Typography } from 'antd';
import type { UnitCoverage } from '@kaimen/shared';

/** Per unit: how many of its people are done, and the names still missing (不漏一人). */
export function CoverageTable({ units, doneLabel, missingLabel }: { units: UnitCoverage[]; doneLabel: string; missingLabel: string }) {
  return (
    <Table<UnitCoverage>
      className="coverage-table" rowKey="unitId" size="small" pagination={false} dataSource={units}
      columns={[
        { title: '单位', dataIndex: 'unitName', width: 220 },
        { title: doneLabel, key: 'done', width: 200, render: (_, u) => <Progress percent={Math.round((u.done / u.total) * 100)} size="small" format={() => `${u.done}/${u.total}`} /> },
        {
          title: missingLabel, key: 'missing',
          render: (_, u) => (u.missing.length === 0
            ? <Typography.Text type="success">全覆盖</Typography.Text>
            : <Space size={[4, 4]} wrap>{u.missing.map((m) => <Tag key={m.userId} color="orange">{m.name}</Tag>)}</Space>),
        },
      ]}
    />
  );
}
