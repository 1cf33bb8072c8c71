import { formatCode } from '@kaimen/shared';
import { emitNotification } from './emit';
import { submitterOf } from './submitter';

const trackLink = (code?: string) => (code ? `/pages/feedback/track?code=${encodeURIComponent(code)}` : '/pages/me/suggestions');

/** The submitter of a suggestion hears of its reply (one message per reply given). */
export async function notifySuggestionReply(s: { id: string; campaignOrgPath: string; trackingCode?: string }, reply: { text: string; at: string }): Promise<void> {
  const who = await submitterOf(s.id);
  if (!who?.userId) return;
  await emitNotification({
    kind: 'suggestion_reply', eventKey: `reply#${s.id}#${reply.at}`, userIds: [who.userId],
    title: '您的意见有了答复', body: reply.text, link: trackLink(s.trackingCode ? formatCode(s.trackingCode) : undefined),
    scopePath: s.campaignOrgPath, at: new Date(reply.at),
  });
}

/** Everyone whose suggestion fed a checklist item hears when the item is done (整改完成). */
export async function notifyItemDone(
  item: { id: string; title: string },
  campaignOrgPath: string,
  suggestions: { id: string; trackingCode?: string }[],
): Promise<void> {
  for (const s of suggestions) {
    const who = await submitterOf(s.id);
    if (!who?.userId) continue;
    await emitNotification({
      kind: 'suggestion_item_done', eventKey: `item-done#${item.id}#${s.id}`, userIds: [who.userId],
      title: '您反映的问题已整改完成', body: item.title, link: trackLink(s.trackingCode ? formatCode(s.trackingCode) : undefined),
      scopePath: campaignOrgPath,
    });
  }
}
