import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { call } from '../../api/client';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button, Tag } from '../../ui';
import { formatDateTime, typeStatusLabels } from './format';
import { LoadState } from './LoadState';
import { Screen } from '../../components/Screen';
import './orglife.scss';

/** 组织生活 for a branch secretary: this month's duties by type, the year's meetings, and recording a new one. */
export default function OrgLifePage() {
  const session = useRequireSession();
  const orgId = session?.user.orgId ?? '';
  const compliance = useLoad(() => call(orglifeRoutes.compliance, { params: { orgId } }), [orgId], !!orgId);
  const meetings = useLoad(() => call(orglifeRoutes.listMeetings, { params: { orgId } }), [orgId], !!orgId);
  Taro.useDidShow(() => {
    if (orgId) void meetings.reload();
  });
  const row = compliance.data?.items[0];

  return (
    <Screen title="组织生活" className="orglife-page">
      <View className="card">
        <View className="section-title">本月落实情况 {compliance.data ? `（${compliance.data.period}）` : ''}</View>
        <LoadState loading={compliance.loading} error={compliance.error} />
        {row ? (
          <>
            <View className="orglife-types">
              {row.types.filter((t) => t.status !== 'not_required').map((t) => (
                <Text key={t.type} className={`orglife-type orglife-type--${t.status}`}>
                  {t.typeLabel} {t.held}/{t.due} {typeStatusLabels[t.status]}
                </Text>
              ))}
            </View>
            {row.behind ? <View className="orglife-flag">本支部组织生活有落后项，请抓紧补开</View> : null}
            <View className="muted">本年参会率 {row.attendanceRate === null ? '—' : `${row.attendanceRate}%`}</View>
          </>
        ) : null}
      </View>
      <Button className="orglife-new" type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/orglife/record' })}>
        登记组织生活
      </Button>
      <View className="card">
        <View className="section-title">本年组织生活</View>
        <LoadState loading={meetings.loading} error={meetings.error} empty={meetings.data?.items.length === 0 ? '还没有记录' : undefined} />
        {meetings.data?.items.map((m) => (
          <View key={m.id} className="orglife-row orglife-meeting-row" role="button" onClick={() => void Taro.navigateTo({ url: `/pages/orglife/meeting?id=${m.id}` })}>
            <View>
              <View className="orglife-meeting__title">{m.topic}</View>
              <View className="muted">{m.typeLabel} · {formatDateTime(m.heldAt)} · 出席 {m.attendees.length}/{m.expected}</View>
            </View>
            {m.status === 'scheduled' ? <Tag type="warning">预约</Tag> : <Tag type="success">已召开</Tag>}
          </View>
        ))}
      </View>
    </Screen>
  );
}
