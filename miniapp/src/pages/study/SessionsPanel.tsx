import { studyRoutes } from '@kaimen/shared/study/routes';
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { studyModeLabels, studyModes, type StudyMode } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { formatDate } from '../../lib/format';
import { AdminButton, Field } from './AdminBits';
import { useLoad } from '../../hooks/useLoad';

/** Offline sessions (集中学习, 支部书记领学, 读书班): record one, show its check-in QR code, see who came. */
export function SessionsPanel() {
  const sessions = useLoad(() => call(studyRoutes.listStudySessions), []);
  const [shown, setShown] = useState<string | null>(null);
  const detail = useLoad(() => call(studyRoutes.getStudySession, { params: { sessionId: shown! } }), [shown], shown !== null);
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<StudyMode>('secretary_led');
  const [minutes, setMinutes] = useState('60');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    try {
      const s = await call(studyRoutes.createStudySession, {
        body: { title: title.trim(), mode, minutes: Number(minutes), place: place.trim(), startsAt: new Date().toISOString() },
        idempotencyKey: newIdempotencyKey(),
      });
      setTitle('');
      await sessions.reload();
      setShown(s.id);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const d = detail.data;
  return (
    <View className="card sessions-panel">
      <View className="section-title">集中学习</View>
      {sessions.data?.items.map((s) => (
        <View key={s.id} className="admin-row">
          <View className="admin-row__main">
            <Text>{s.title}</Text>
            <View className="muted">{studyModeLabels[s.mode]} · {formatDate(s.startsAt)} · {s.minutes} 分钟 · 签到 {s.attendance} 人</View>
          </View>
          <AdminButton onClick={() => setShown(s.id)}>签到码</AdminButton>
        </View>
      ))}
      {d ? (
        <View className="session-detail">
          <View className="section-title">{d.title}</View>
          <Image className="qr-image" src={d.qrDataUrl} nativeProps={{ alt: '学习签到二维码' }} />
          <View className="muted">签到码：<Text className="session-code">{d.checkInCode}</Text>（党员用小程序扫码，或在“学习 › 扫码签到”中输入）</View>
          <View className="muted">已签到 {d.attendees.length} 人：{d.attendees.map((a) => a.name).join('、') || '暂无'}</View>
          <AdminButton onClick={() => void detail.reload()}>刷新签到名单</AdminButton>
        </View>
      ) : null}
      <View className="admin-form">
        <View className="muted">登记一次现在开始的集中学习</View>
        <Field label="主题"><input className="admin-input session-title" value={title} onChange={(e) => setTitle(e.target.value)} /></Field>
        <Field label="学习方式">
          <select className="admin-select session-mode" value={mode} onChange={(e) => setMode(e.target.value as StudyMode)}>
            {studyModes.map((m) => <option key={m} value={m}>{studyModeLabels[m]}</option>)}
          </select>
        </Field>
        <Field label="时长（分钟）"><input className="admin-input session-minutes" type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} /></Field>
        <Field label="地点"><input className="admin-input session-place" value={place} onChange={(e) => setPlace(e.target.value)} /></Field>
        {error ? <View className="field-error">{error}</View> : null}
        <AdminButton primary className="session-create" onClick={() => void create()}>登记并生成签到码</AdminButton>
      </View>
    </View>
  );
}
