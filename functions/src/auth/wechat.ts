import { config } from '../lib/config';
import { secret } from '../lib/secrets';
import { unauthenticated, unavailable } from '../lib/problem';
import { logger } from '../lib/logger';

interface Code2Session {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's `code2session`: trades the code from `wx.login` for the user's openid. */
export async function code2session(code: string): Promise<{ openid: string; unionid?: string }> {
  const c = config();
  let appid: string;
  let appSecret: string;
  try {
    appid = await secret(c.wechatAppId, c.wechatAppIdParam, 'WeChat app id');
    appSecret = await secret(c.wechatSecret, c.wechatSecretParam, 'WeChat app secret');
  } catch (err) {
    logger.error('WeChat sign-in is not configured', { error: err as Error });
    throw unavailable('微信登录暂未开通，请稍后再试或联系管理员');
  }
  const url = new URL('/sns/jscode2session', c.wechatApiBase);
  url.search = new URLSearchParams({ appid, secret: appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`code2session answered HTTP ${res.status}`);
  const data = (await res.json()) as Code2Session;
  if (data.errcode || !data.openid) {
    logger.warn('code2session refused', { errcode: data.errcode, errmsg: data.errmsg });
    throw unauthenticated('微信登录失败，请重新打开小程序再试');
  }
  return { openid: data.openid, ...(data.unionid ? { unionid: data.unionid } : {}) };
}
