import { notifyRoutes } from '@kaimen/shared/notify/routes';
import Taro from '@tarojs/taro';
import { type TemplateKey } from '@kaimen/shared';
import { call } from '../../api/client';
import { getSession } from '../../api/session';

/** The H5 build has no `requestSubscribeMessage`: messages there are only in 我的 → 消息. */
export const canSubscribe = process.env.TARO_ENV === 'weapp';

export type SubscribeOutcome = 'accepted' | 'declined' | 'unsupported' | 'unavailable';

/**
 * Asks WeChat for consent to the given template groups (must run in a tap handler) and tells the
 * server what was accepted: each acceptance allows one message. Template ids come from the server's
 * configuration, never from the app.
 */
export async function askToSubscribe(groups: TemplateKey[]): Promise<SubscribeOutcome> {
  if (!canSubscribe) return 'unsupported';
  if (!getSession()) return 'unavailable';
  const { templates } = await call(notifyRoutes.notificationSettings);
  const wanted = groups.flatMap((k) => (templates[k] ? [{ k, id: templates[k] }] : []));
  if (wanted.length === 0) return 'unavailable';
  let answer: Record<string, string>;
  try {
    answer = (await Taro.requestSubscribeMessage({ tmplIds: wanted.map((w) => w.id), entityIds: [] } as never)) as unknown as Record<string, string>;
  } catch {
    return 'declined';
  }
  const results = wanted.map((w) => ({ templateKey: w.k, result: (answer[w.id] ?? 'reject') as 'accept' | 'reject' | 'ban' | 'filter' }));
  await call(notifyRoutes.recordSubscriptions, { body: { results } });
  return results.some((r) => r.result === 'accept') ? 'accepted' : 'declined';
}

export function toastOutcome(outcome: SubscribeOutcome): void {
  const title = {
    accepted: '已订阅，届时将通过微信通知您',
    declined: '未订阅，可在「我的 → 消息」查看',
    unsupported: '网页版无法订阅微信消息，请在「我的 → 消息」查看',
    unavailable: '暂不能订阅，请在「我的 → 消息」查看',
  }[outcome];
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}
