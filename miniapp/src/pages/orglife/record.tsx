import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import { useState } from 'react';
import { Input as RawInput, Text, Textarea, View } from '@tarojs/components';
import { Picker } from '../../ui/taro/Picker';
import Taro from '@tarojs/taro';
import { meetingTypeLabels, meetingTypes, type MeetingType } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button, Input } from '../../ui';
import { minutesHtml } from './format';
import { LoadState } from './LoadState';
import { Screen } from '../../components/Screen';
import './orglife.scss';

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
};

/** A secretary records a meeting (or schedules one): type, time, place, topic, who presided, who came, absences with a reason, minutes. */
export default function RecordMeetingPage() {
  const session = useRequireSession();
  const orgId = session?.user.orgId ?? '';
  const roster = useLoad(() => call(orglifeRoutes.partyOrgRoster, { params: { partyOrgId: orgId } }), [orgId], !!orgId);
  const [type, setType] = useState<MeetingType>('theme_day');
  const [{ date, time }, setWhen] = useState(today);
  const [scheduled, setScheduled] = useState(false);
  const [topic, setTopic] = useState('');
  const [place, setPlace] = useState('');
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    const people = roster.data?.items ?? [];
    try {
      const m = await call(orglifeRoutes.createMeeting, {
        params: { partyOrgId: orgId },
        body: {
          type, topic: topic.trim(), place: place.trim(), status: scheduled ? 'scheduled' : 'held',
          heldAt: new Date(`${date}T${time}:00`).toISOString(), presiderId: session?.user.id,
          attendeeIds: people.filter((p) => present[p.userId]).map((p) => p.userId),
          absences: scheduled ? [] : people.filter((p) => !present[p.userId] && reasons[p.userId]?.trim()).map((p) => ({ userId: p.userId, reason: reasons[p.userId]!.trim() })),
          minutes: minutesHtml(minutes),
        },
        idempotencyKey: newIdempotencyKey(),
      });
      void Taro.redirectTo({ url: `/pages/orglife/meeting?id=${m.id}` });
    } catch (err) {
      const fields = err instanceof ApiError ? err.problem.errors?.map((e) => e.message).join('；') : '';
      setError(`${errorMessage(err)}${fields ? `：${fields}` : ''}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="登记组织生活" className="orglife-record">
      <View className="card">
        <View className="orglife-field">
          <View className="orglife-field__label">类型</View>
          <Picker mode="selector" range={meetingTypes.map((t) => meetingTypeLabels[t])} value={meetingTypes.indexOf(type)} onChange={(e) => setType(meetingTypes[Number(e.detail.value)]!)}>
            <View className="orglife-field__box orglife-type-picker">{meetingTypeLabels[type]}</View>
          </Picker>
        </View>
        <View className="orglife-field">
          <View className="orglife-field__label">时间</View>
          <View className="orglife-row">
            <Picker mode="date" value={date} onChange={(e) => setWhen({ date: e.detail.value, time })}><View className="orglife-field__box">{date}</View></Picker>
            <Picker mode="time" value={time} onChange={(e) => setWhen({ date, time: e.detail.value })}><View className="orglife-field__box">{time}</View></Picker>
            <View className={`orglife-person__toggle ${scheduled ? 'orglife-person__toggle--on' : ''}`} role="switch" aria-checked={scheduled} onClick={() => setScheduled(!scheduled)}>
              {scheduled ? '预约（现场扫码签到）' : '已召开'}
            </View>
          </View>
        </View>
        <View className="orglife-field">
          <View className="orglife-field__label">主题</View>
          <Input className="orglife-topic" placeholder="如：学习全会精神主题党日" value={topic} maxLength={80} onChange={setTopic} />
        </View>
        <View className="orglife-field">
          <View className="orglife-field__label">地点</View>
          <Input className="orglife-place" placeholder="会议室" value={place} maxLength={100} onChange={setPlace} />
        </View>
      </View>
      {!scheduled ? (
        <View className="card">
          <View className="section-title">出席情况（点姓名勾选出席；缺席请填原因）</View>
          <LoadState loading={roster.loading} error={roster.error} />
          {roster.data?.items.map((p) => (
            <View key={p.userId} className="orglife-person">
              <View className={`orglife-person__toggle ${present[p.userId] ? 'orglife-person__toggle--on' : ''}`} role="checkbox" aria-checked={!!present[p.userId]} aria-label={`${p.name}出席`} onClick={() => setPresent({ ...present, [p.userId]: !present[p.userId] })}>
                {present[p.userId] ? '出席' : '未到'}
              </View>
              <Text className="orglife-person__name">{p.name}{p.guest ? '（多重组织生活）' : ''}</Text>
              {!present[p.userId] ? (
                <RawInput className="orglife-person__reason" placeholder="缺席原因" aria-label={`${p.name}缺席原因`} value={reasons[p.userId] ?? ''} onInput={(e) => setReasons({ ...reasons, [p.userId]: e.detail.value })} />
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {!scheduled ? (
        <View className="card">
          <View className="section-title">会议记录</View>
          <Textarea className="orglife-minutes orglife-field__box" style={{ width: '100%', minHeight: '120px' }} maxlength={5000} placeholder="会议议程、发言要点、形成的决议……" value={minutes} onInput={(e) => setMinutes(e.detail.value)} />
        </View>
      ) : null}
      {error ? <View className="field-error orglife-error">{error}</View> : null}
      <Button className="orglife-save" type="primary" block loading={busy} disabled={busy || topic.trim().length < 2} onClick={() => void save()}>
        {scheduled ? '预约并生成签到码' : '保存记录'}
      </Button>
    </Screen>
  );
}
