import { studyRoutes } from '@kaimen/shared/study/routes';
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { studyModeLabels } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useRequireSession } from '../../hooks/useSession';
import { formatDate } from '../../lib/format';
import { Button, Input } from '../../ui';
import { Screen } from '../../components/Screen';
import './study.scss';

type Result = Awaited<ReturnType<typeof call<typeof studyRoutes.checkIn>>>;

/** Check-in to an offline session: opened by scanning the QR code on the spot (the code comes in the address), or typed in. */
export default function CheckInPage() {
  const session = useRequireSession();
  const fromQr = useRouter().params.code ?? '';
  const [code, setCode] = useState(fromQr);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const submit = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call(studyRoutes.checkIn, { body: { code: value.trim() }, idempotencyKey: newIdempotencyKey() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (session && fromQr) void submit(fromQr);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.token, fromQr]);

  return (
    <Screen title="集中学习签到" className="checkin-page">
      {result ? (
        <View className="card checkin-result">
          <View className="lesson-done">{result.alreadyCheckedIn ? '您已签到过了' : '签到成功，已记入学习档案'}</View>
          <View className="study-topic__title">{result.session.title}</View>
          <View className="muted">
            {studyModeLabels[result.session.mode]} · {result.session.orgName} · {formatDate(result.session.startsAt)} · {result.session.minutes} 分钟
          </View>
          {result.pointsAwarded ? <View className="muted">+{result.pointsAwarded} 积分</View> : null}
        </View>
      ) : (
        <View className="card">
          <View className="muted">请扫描现场的签到二维码，或输入签到码。</View>
          <Input className="checkin-code" name="code" aria-label="签到码" placeholder="签到码" value={code} maxLength={32} onChange={setCode} />
          {error ? <View className="field-error checkin-error">{error}</View> : null}
          <Button className="checkin-submit" type="primary" block loading={busy} disabled={busy || !code.trim()} onClick={() => void submit(code)}>
            签到
          </Button>
        </View>
      )}
    </Screen>
  );
}
