import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useRequireSession } from '../../hooks/useSession';
import { Button, Input } from '../../ui';
import { formatDateTime } from './format';
import { Screen } from '../../components/Screen';
import './orglife.scss';

type Result = Awaited<ReturnType<typeof call<typeof orglifeRoutes.meetingCheckIn>>>;

/** Check-in to a meeting: opened by scanning the secretary's QR code (the code comes in the address), or typed in. */
export default function MeetingCheckInPage() {
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
      setResult(await call(orglifeRoutes.meetingCheckIn, { body: { code: value.trim() }, idempotencyKey: newIdempotencyKey() }));
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
    <Screen title="组织生活签到" className="orglife-checkin">
      {result ? (
        <View className="card">
          <View className="lesson-done">{result.alreadyCheckedIn ? '您已签到过了' : '签到成功'}</View>
          <View className="orglife-meeting__title">{result.meeting.topic}</View>
          <View className="muted">{result.meeting.typeLabel} · {result.meeting.orgName} · {formatDateTime(result.meeting.heldAt)}</View>
        </View>
      ) : (
        <View className="card">
          <View className="muted">请扫描会场的签到二维码，或输入签到码。</View>
          <Input className="orglife-checkin-code" name="code" placeholder="签到码" value={code} maxLength={32} onChange={setCode} />
          {error ? <View className="field-error orglife-checkin-error">{error}</View> : null}
          <Button className="orglife-checkin-submit" type="primary" block loading={busy} disabled={busy || !code.trim()} onClick={() => void submit(code)}>
            签到
          </Button>
        </View>
      )}
    </Screen>
  );
}
