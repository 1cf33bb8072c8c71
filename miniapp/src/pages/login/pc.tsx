import { authRoutes } from '@kaimen/shared/auth/routes';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { allows } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { Screen } from '../../components/Screen';
import { pcTicketOf } from './pcTicket';
import './index.scss';

/** Opened by scanning the sign-in QR of the PC console: the admin confirms signing in there as themself. */
export default function PcSignInPage() {
  const session = useRequireSession();
  const ticket = pcTicketOf(useRouter().params);
  const [state, setState] = useState<'ready' | 'busy' | 'done'>('ready');
  const [error, setError] = useState<string | null>(null);
  const mayUseConsole = !!session && allows('secretary', session.user.roles, true);

  useEffect(() => {
    // Tell the PC the code was scanned, so it asks to confirm here.
    if (mayUseConsole && ticket) call(authRoutes.scanPcLogin, { params: { ticket } }).catch((err: unknown) => setError(errorMessage(err)));
  }, [mayUseConsole, ticket]);

  const confirm = async () => {
    setState('busy');
    setError(null);
    try {
      await call(authRoutes.confirmPcLogin, { params: { ticket } });
      setState('done');
    } catch (err) {
      setError(errorMessage(err));
      setState('ready');
    }
  };

  if (!session) return <Screen title="登录电脑端管理后台" className="pc-sign-in"><View className="muted">请先登录…</View></Screen>;
  return (
    <Screen title="登录电脑端管理后台" className="pc-sign-in">
      <View className="card pc-sign-in__card">
        {!ticket ? (
          <View className="field-error pc-sign-in-error">二维码内容不完整，请在电脑上刷新二维码后重新扫码</View>
        ) : !mayUseConsole ? (
          <View className="field-error pc-sign-in-error">管理后台仅供单位管理员和支部书记使用，您的账号没有权限</View>
        ) : state === 'done' ? (
          <View className="pc-sign-in-done">已确认，电脑上将自动登录</View>
        ) : (
          <>
            <Text className="pc-sign-in__title">以 {session.user.name}（{session.user.orgName ?? '—'}）的身份登录电脑上的“开门 · 管理后台”？</Text>
            <View className="muted">请确认是您本人正在使用的电脑。二维码几分钟内有效，只能使用一次。</View>
            {error ? <View className="field-error pc-sign-in-error">{error}</View> : null}
            <Button className="pc-sign-in-confirm" type="primary" block loading={state === 'busy'} disabled={state === 'busy'} onClick={() => void confirm()}>
              确认登录
            </Button>
            <Button className="pc-sign-in-cancel" block fill="outline" onClick={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }))}>
              取消
            </Button>
          </>
        )}
      </View>
    </Screen>
  );
}
