import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { clearSession } from '../../api/session';
import { useRequireSession } from '../../hooks/useSession';
import { describeRoles } from '../../lib/roles';
import { Button, Cell, CellGroup } from '../../ui';
import { BindForm } from './BindForm';
import { MeNotify } from '../notify/MeNotify';
import { Screen } from '../../components/Screen';
import { ElderModeSwitch } from './ElderModeSwitch';
import './index.scss';

/** 我的: who I am, roster binding, sign-out. */
export default function MePage() {
  const session = useRequireSession();
  if (!session) return <Screen title="我的" tab className="tab-me" />;
  const { user } = session;

  return (
    <Screen title="我的" tab className="tab-me">
      <CellGroup className="me-profile">
        <Cell title="姓名" extra={<Text className="me-name">{user.name}</Text>} />
        <Cell title="组织" extra={<Text className="me-org">{user.orgName ?? (user.orgId ? '' : '尚未绑定组织')}</Text>} />
        <Cell title="身份" extra={<Text className="me-roles">{describeRoles(user.roles)}</Text>} />
      </CellGroup>
      {user.roles.length > 0 ? (
        <CellGroup className="me-study">
          <Cell className="me-archive-link" title="学习档案" extra={<Text className="muted">积分、学习时长、完成课程<Text className="nowrap"> ›</Text></Text>} onClick={() => void Taro.navigateTo({ url: '/pages/study/archive' })} />
          <Cell className="me-pioneer-link" title="亮身份 · 亮承诺" extra={<Text className="muted">我的党员先锋岗卡片<Text className="nowrap"> ›</Text></Text>} onClick={() => void Taro.navigateTo({ url: '/pages/pioneer/edit' })} />
          <Cell className="me-orglife-link" title="组织生活" extra={<Text className="muted">我的参会情况、签到<Text className="nowrap"> ›</Text></Text>} onClick={() => void Taro.navigateTo({ url: '/pages/orglife/mine' })} />
          <Cell className="me-inspect-link" title="自查事项报告" extra={<Text className="muted">逐项自查、签字承诺<Text className="nowrap"> ›</Text></Text>} onClick={() => void Taro.navigateTo({ url: '/pages/inspect/index' })} />
          {user.roles.includes('secretary') ? (
            <Cell className="me-orglife-admin-link" title="支部组织生活" extra={<Text className="muted">登记会议、签到二维码<Text className="nowrap"> ›</Text></Text>} onClick={() => void Taro.navigateTo({ url: '/pages/orglife/index' })} />
          ) : null}
        </CellGroup>
      ) : null}
      <MeNotify roles={user.roles} />
      {user.roles.includes('secretary') ? (
        <CellGroup className="me-secretary">
          <Cell className="me-secretary-link" title="支部工作" extra={<Text className="muted">名册、绑定码、签到、心得、成绩<Text className="nowrap"> ›</Text></Text>} onClick={() => void Taro.navigateTo({ url: '/pages/secretary/index' })} />
        </CellGroup>
      ) : null}
      <ElderModeSwitch />
      <BindForm bound={user.roles.length > 0} />
      <Button className="logout" block fill="outline" onClick={clearSession}>
        退出登录
      </Button>
    </Screen>
  );
}
