import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button, Tag } from '../../ui';
import { formatDateTime } from './format';
import { LoadState } from './LoadState';
import { Screen } from '../../components/Screen';
import './orglife.scss';

/** 我的 › 组织生活: a member's own attendance this year, meeting by meeting. */
export default function MyMeetingsPage() {
  const session = useRequireSession();
  const mine = useLoad(() => call(orglifeRoutes.myMeetings), [], !!session);
  const d = mine.data;
  return (
    <Screen title="我的组织生活" className="orglife-mine">
      <View className="card">
        <View className="section-title">{d?.year ?? ''} 年参加组织生活</View>
        <LoadState loading={mine.loading} error={mine.error} />
        {d ? (
          <View className="orglife-row">
            <View>
              <View className="orglife-rate">{d.rate === null ? '—' : `${d.rate}%`}</View>
              <View className="muted">出席 {d.attended} 次 / 应参加 {d.held} 次</View>
            </View>
            <Button size="small" onClick={() => void Taro.navigateTo({ url: '/pages/orglife/checkin' })}>输入签到码</Button>
          </View>
        ) : null}
      </View>
      <View className="card">
        {d?.items.length === 0 ? <View className="muted">今年还没有组织生活记录</View> : null}
        {d?.items.map((m) => (
          <View key={m.id} className="orglife-row orglife-my-row">
            <View>
              <View className="orglife-meeting__title">{m.topic}</View>
              <View className="muted">{m.typeLabel} · {formatDateTime(m.heldAt)} · {m.orgName}</View>
              {m.absenceReason ? <View className="muted">请假：{m.absenceReason}</View> : null}
            </View>
            {m.status === 'scheduled' ? <Tag type="warning">待召开</Tag> : m.attended ? <Tag type="success">出席</Tag> : <Tag type="danger"><Text>缺席</Text></Tag>}
          </View>
        ))}
      </View>
    </Screen>
  );
}
