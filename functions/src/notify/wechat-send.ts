import { classifyErrcode, type DeliveryOutcome } from '@kaimen/shared';
import { config } from '../lib/config';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: 'zh_CN';
}

export interface SendAnswer {
  outcome: DeliveryOutcome;
  errcode?: number;
  detail: string;
  /** The request went out but no answer came back in time: WeChat may have delivered it. */
  maybeDelivered?: boolean;
}

/** How long to wait for WeChat's answer (NOTIFY_WECHAT_TIMEOUT_MS). */
const timeoutMs = () => Number(process.env.NOTIFY_WECHAT_TIMEOUT_MS || 10_000);

/**
 * One `subscribeMessage.send`. Network faults and HTTP errors come back as `retry`; a timeout as
 * `retry` with `maybeDelivered`, since WeChat may have sent it (the sender then does not resend by itself).
 */
export async function sendSubscribeMessage(token: string, message: SubscribeMessage, signal?: AbortSignal): Promise<SendAnswer> {
  const url = new URL('/cgi-bin/message/subscribe/send', config().wechatApiBase);
  url.searchParams.set('access_token', token);
  try {
    const timeout = AbortSignal.timeout(timeoutMs());
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!res.ok) return { outcome: 'retry', detail: `HTTP ${res.status}` };
    const data = (await res.json()) as { errcode?: number; errmsg?: string };
    return { outcome: classifyErrcode(data.errcode), ...(data.errcode ? { errcode: data.errcode } : {}), detail: data.errmsg ?? 'ok' };
  } catch (err) {
    if (signal?.aborted) throw err;
    if ((err as Error).name === 'TimeoutError') return { outcome: 'retry', detail: '微信接口超时，无法确认是否已送达', maybeDelivered: true };
    return { outcome: 'retry', detail: `网络错误：${(err as Error).message}` };
  }
}
