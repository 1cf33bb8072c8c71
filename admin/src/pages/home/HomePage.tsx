import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Tree } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { orgLevelLabel, roleLabels } from '@kaimen/shared';
import { useLastSession } from '../../auth/useSession';
import { OrgPicker, reloadOrgTree, treeOf, useOrgTree } from '../../components/OrgPicker';
import { PioneerDashboardCard } from '../pioneer/DashboardCard';

/** Who is signed in and the organisations they manage. */
export default function HomePage() {
  const session = useLastSession();
  const orgs = useOrgTree();
  const [picked, setPicked] = useState<string | undefined>();
  const tree = useMemo(() => treeOf(orgs.items, (o) => `${o.name}（${orgLevelLabel(o)}）`), [orgs.items]);
  const pickedOrg = orgs.items.find((o) => o.id === picked);
  if (!session) return null;
  const { user } = session;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card title="当前账号">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="姓名">{user.name}</Descriptions.Item>
            <Descriptions.Item label="所在组织">{user.orgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="角色">{user.roles.map((r) => <Tag key={r} color="red">{roleLabels[r]}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label="管理范围">{orgs.loading ? '…' : `${orgs.items.length} 个组织`}</Descriptions.Item>
          </Descriptions>
        </Card>
        {user.orgId ? <PioneerDashboardCard orgId={user.orgId} /> : null}
        <Card title="查找组织" style={{ marginTop: 16 }}>
          <OrgPicker value={picked} onChange={setPicked} style={{ width: '100%' }} />
          {pickedOrg && (
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label="名称">{pickedOrg.name}</Descriptions.Item>
              <Descriptions.Item label="层级">{orgLevelLabel(pickedOrg)}</Descriptions.Item>
              <Descriptions.Item label="下级组织">{orgs.items.filter((o) => o.parentId === pickedOrg.id).length} 个</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title="组织架构" extra={<Button icon={<ReloadOutlined />} className="org-tree-reload" loading={orgs.loading} onClick={() => void reloadOrgTree()}>刷新</Button>}>
          {orgs.loading && orgs.items.length === 0 ? <Skeleton active /> : tree.length === 0 ? <Empty description={orgs.error ?? '暂无组织'} /> : (
            <Tree className="org-tree" treeData={tree} defaultExpandedKeys={tree.map((n) => n.key)} height={560} showLine />
          )}
        </Card>
      </Col>
    </Row>
  );
}
