import { useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Breadcrumb, Button, Layout, Menu, Modal, Space, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { allows, roleLabels, type Session } from '@kaimen/shared';
import { clearSession } from '../api/session';
import { SignInPanel } from '../auth/SignInPanel';
import { useSession } from '../auth/useSession';
import { resetOrgTree } from '../components/OrgPicker';
import { features } from '../pages';
import { matchRoute } from './routes';

const { Sider, Header, Content } = Layout;

/**
 * Side menu by feature, the admin's org and role on top, breadcrumbs over the page. When the
 * session ends mid-edit the page stays mounted under a sign-in dialog, so nothing typed is lost.
 */
export function ConsoleLayout({ lastSession }: { lastSession: Session }) {
  const session = useSession();
  const shown = session ?? lastSession;
  const location = useLocation();
  const navigate = useNavigate();
  const visible = features.filter((f) => allows(f.access, shown.user.roles, true));
  const here = matchRoute(location.pathname);

  const items = useMemo(
    () => visible.map((f) => ({ key: f.key, icon: f.icon, label: <Link to={`/${f.routes[0]!.path}`}>{f.title}</Link> })),
    [visible],
  );

  const signOut = () => {
    resetOrgTree();
    clearSession();
    navigate('/');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={64} className="console-sider">
        <div className="console-brand">开门 · 管理后台</div>
        <Menu theme="dark" mode="inline" selectedKeys={here ? [here.feature.key] : []} items={items} />
      </Sider>
      <Layout>
        <Header className="console-header">
          <Space size="middle" className="console-who">
            <Typography.Text strong className="console-org">{shown.user.orgName ?? '未绑定组织'}</Typography.Text>
            {shown.user.roles.map((r) => <Tag key={r} color="red" className="console-role">{roleLabels[r]}</Tag>)}
            <Typography.Text type="secondary">{shown.user.name}</Typography.Text>
          </Space>
          <Button type="text" icon={<LogoutOutlined />} onClick={signOut}>退出登录</Button>
        </Header>
        <Content className="console-content">
          <Breadcrumb
            className="console-breadcrumb"
            items={[
              { title: <Link to="/">管理后台</Link> },
              ...(here && here.feature.key !== 'home' ? [{ title: <Link to={`/${here.feature.routes[0]!.path}`}>{here.feature.title}</Link> }] : []),
              ...(here && here.route !== here.feature.routes[0] ? [{ title: here.route.title }] : []),
            ]}
          />
          <Outlet />
        </Content>
      </Layout>
      <Modal open={session === null} title="登录已过期，请重新登录" footer={null} closable={false} mask={{ closable: false }}>
        <p>您正在编辑的内容已保留，重新登录后可继续操作。</p>
        <SignInPanel />
      </Modal>
    </Layout>
  );
}
