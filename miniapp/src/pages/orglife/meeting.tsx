import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { RichText } from '../../ui/taro/RichText';
import { useRouter } from '@tarojs/taro';
import { reviewOutcomeLabels } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';
import { useRequireSession } from '../../hooks/useSession';
import { Button, Tag } from '../../ui';
import { formatDateTime } from './format';
import { LoadState } from './LoadState';
import { pickAndUploadPhoto } from './photo-upload';
import { Screen } from '../../components/Screen';
import './orglife.scss';

/** One meeting for its secretary: the check-in QR code to show on the spot, who came, photos, minutes. */
export default function MeetingPage() {
  const session = useRequireSession();
  const id = useRouter().params.id ?? '';
  const meeting = useLoad(() => call(orglifeRoutes.getMeeting, { params: { meetingId: id } }), [id], !!session && !!id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const m = meeting.data;

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      await meeting.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="会议详情" className="orglife-meeting-page">
      <LoadState loading={meeting.loading && !m} error={meeting.error} />
      {m ? (
        <>
          <View className="card">
            <View className="orglife-meeting__title">{m.topic}</View>
            <View className="muted">{m.typeLabel} · {formatDateTime(m.heldAt)}{m.place ? ` · ${m.place}` : ''}</View>
            <View className="muted">主持：{m.presider?.name ?? '—'} · {m.status === 'held' ? <Tag type="success">已召开</Tag> : <Tag type="warning">预约</Tag>}</View>
          </View>
          <View className="card orglife-checkin-card">
            <View className="section-title">扫码签到</View>
            <Image className="orglife-qr" src={m.qrDataUrl} nativeProps={{ alt: `${m.topic}签到二维码` }} />
            <View className="muted">签到码 <Text className="orglife-code">{m.checkInCode}</Text>，党员用小程序扫码或在“我的 › 组织生活”中输入</View>
          </View>
          <View className="card">
            <View className="section-title">出席 {m.attendees.length}/{m.expected}</View>
            <View className="orglife-attendees">{m.attendees.map((a) => `${a.name}${a.checkedInAt ? '（扫码）' : ''}${a.guest ? '（多重）' : ''}`).join('、') || '暂无'}</View>
            {m.absences.length ? <View className="muted">缺席：{m.absences.map((a) => `${a.name}（${a.reason}）`).join('、')}</View> : null}
            {m.reviewOutcomes?.length ? (
              <View className="muted">评议结果：{m.reviewOutcomes.map((o) => `${o.name} ${reviewOutcomeLabels[o.outcome]}`).join('、')}</View>
            ) : null}
            <Button size="small" className="orglife-refresh" onClick={() => void meeting.reload()}>刷新签到名单</Button>
          </View>
          {m.minutes ? (
            <View className="card">
              <View className="section-title">会议记录</View>
              <RichText nodes={m.minutes} />
            </View>
          ) : null}
          <View className="card">
            <View className="section-title">会议照片</View>
            <View className="orglife-photos">
              {m.photos.map((p) => <Image key={p.key} className="orglife-photos__img" mode="aspectFill" src={p.url} nativeProps={{ alt: '会议照片' }} />)}
            </View>
            <Button size="small" className="orglife-photo" disabled={busy} onClick={() => void act(() => pickAndUploadPhoto(m.id))}>上传照片</Button>
          </View>
          {error ? <View className="field-error">{error}</View> : null}
          {m.status === 'scheduled' ? (
            <Button className="orglife-mark-held" type="primary" block loading={busy} disabled={busy}
              onClick={() => void act(() => call(orglifeRoutes.updateMeeting, { params: { meetingId: m.id }, body: { status: 'held' } }))}>
              会议已召开（按签到记出席）
            </Button>
          ) : null}
        </>
      ) : null}
    </Screen>
  );
}
