import { useEffect, useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { errorMessage } from '../api/error';
import { useRequireSession } from '../hooks/useSession';
import { Button, Input } from '../ui';

interface Props<R> {
  /** Sends the code; the answer is shown by `renderResult`. */
  checkIn: (code: string) => Promise<R>;
  renderResult: (result: R) => ReactNode;
  /** What to scan, in the hint ("会场", "现场"). */
  place: string;
  /** Prefix of the input/button/error class names (browser tests find them by it). */
  classPrefix: string;
}

/**
 * A check-in by code: opened by scanning a QR code (the code comes in the address, and is sent as soon as
 * the member is signed in), or typed in.
 */
export function CheckInCard<R>({ checkIn, renderResult, place, classPrefix }: Props<R>) {
  const session = useRequireSession();
  const fromQr = useRouter().params.code ?? '';
  const [code, setCode] = useState(fromQr);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);

  const submit = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await checkIn(value.trim()));
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

  if (result) return <>{renderResult(result)}</>;
  return (
    <View className="card">
      <View className="muted">请扫描{place}的签到二维码，或输入签到码。</View>
      <Input className={`${classPrefix}-code`} name="code" aria-label="签到码" placeholder="签到码" value={code} maxLength={32} onChange={setCode} />
      {error ? <View className={`field-error ${classPrefix}-error`}>{error}</View> : null}
      <Button className={`${classPrefix}-submit`} type="primary" block loading={busy} disabled={busy || !code.trim()} onClick={() => void submit(code)}>
        签到
      </Button>
    </View>
  );
}
