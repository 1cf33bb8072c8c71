import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Spin, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { routes } from '@kaimen/shared';
import { ApiError, call, errorMessage } from '../api/client';
import { pcSignInLink } from '../api/links';
import { setSession } from '../api/session';

const POLL_MS = 2000;

type State =
  | { phase: 'loading' }
  | { phase: 'waiting' | 'scanned'; link: string; image: string; expiresAt: number }
  | { phase: 'expired' }
  | { phase: 'error'; message: string };

/**
 * 扫码登录: a one-time QR; an admin signed in on the phone scans it and confirms there, and this PC
 * polls until it receives the session. The QR expires in minutes; 刷新 makes a new one.
 */
export function QrSignIn() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [round, setRound] = useState(0);
  const stopped = useRef(false);

  const refresh = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    stopped.current = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ phase: 'loading' });
    (async () => {
      const started = await call(routes.startPcLogin);
      const link = pcSignInLink(started.ticket);
      // The QR drawer is fetched with the sign-in, kept out of the console's first chunk.
      const { default: QRCode } = await import('qrcode');
      const image = await QRCode.toDataURL(link, { width: 200, margin: 1, errorCorrectionLevel: 'M' });
      const expiresAt = Date.parse(started.expiresAt);
      if (stopped.current) return;
      setState({ phase: 'waiting', link, image, expiresAt });
      const poll = async () => {
        if (stopped.current) return;
        if (Date.now() >= expiresAt) return setState({ phase: 'expired' });
        try {
          const r = await call(routes.pollPcLogin, { params: { ticket: started.ticket }, body: { pollKey: started.pollKey } });
          if (stopped.current) return;
          if (r.session) return setSession(r.session);
          setState((s) => (s.phase === 'waiting' || s.phase === 'scanned' ? { ...s, phase: r.status === 'scanned' ? 'scanned' : 'waiting' } : s));
        } catch (err) {
          if (err instanceof ApiError && err.problem.code === 'NOT_FOUND') return setState({ phase: 'expired' });
          // A network blip: keep polling until the QR expires.
        }
        timer = setTimeout(() => void poll(), POLL_MS);
      };
      timer = setTimeout(() => void poll(), POLL_MS);
    })().catch((err: unknown) => !stopped.current && setState({ phase: 'error', message: errorMessage(err) }));
    return () => {
      stopped.current = true;
      if (timer) clearTimeout(timer);
    };
  }, [round]);

  return (
    <div className="qr-sign-in" data-phase={state.phase} data-link={'link' in state ? state.link : undefined}>
      <div className="qr-sign-in__box">
        {state.phase === 'loading' && <Spin />}
        {(state.phase === 'waiting' || state.phase === 'scanned') && <img src={state.image} alt="扫码登录二维码" width={200} height={200} className={state.phase === 'scanned' ? 'qr-sign-in__faded' : undefined} />}
        {(state.phase === 'expired' || state.phase === 'error') && (
          <Button icon={<ReloadOutlined />} onClick={refresh} className="qr-sign-in-refresh">刷新二维码</Button>
        )}
      </div>
      <Typography.Text type={state.phase === 'error' ? 'danger' : 'secondary'} className="qr-sign-in__hint">
        {state.phase === 'loading' && '正在生成二维码…'}
        {state.phase === 'waiting' && '请用微信扫码，在手机上确认登录（管理员、支部书记）'}
        {state.phase === 'scanned' && '已扫码，请在手机上点“确认登录”'}
        {state.phase === 'expired' && '二维码已失效，请刷新'}
        {state.phase === 'error' && state.message}
      </Typography.Text>
    </div>
  );
}
