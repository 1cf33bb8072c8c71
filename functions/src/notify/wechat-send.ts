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
}

/** One `subscribeMessage.send`. Network faults, timeouts and HTTP errors come back as `retry`. */
export async function sendSubscribeMessage(token: string, message: SubscribeMessage, signal?: AbortSignal): Promise<SendAnswer> {
  const url = new URL('/cgi-bin/message/subscribe/send', config().wechatApiBase);
  url.searchParams.set('access_token', token);
  try {
    const timeout = AbortSignal.timeout(5000);
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
    return { outcome: 'retry', detail: (err as Error).name === 'TimeoutError' ? '微信接口超时' : `网络错误：${(err as Error).message}` };
  }
}
