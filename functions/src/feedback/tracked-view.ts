import { maskPersonalData, timeline, type Tracked } from '@kaimen/shared';
import { recentCampaign } from './campaign-store';
import { getItemFacts, statusOf, type SuggestionRecord } from './suggestion-store';

/** What the public sees of a suggestion they track: personal data masked, the checklist item it went into. */
export async function trackedView(s: SuggestionRecord): Promise<Tracked> {
  const campaign = await recentCampaign(s.campaignId);
  const item = s.checklistItemId ? (await getItemFacts([s.checklistItemId])).get(s.checklistItemId) : undefined;
  const facts = { ...s, ...(item ? { itemStatus: item.status, itemResolvedAt: item.resolvedAt } : {}) };
  const label = campaign?.categories.find((c) => c.key === s.category)?.label ?? s.category;
  return {
    status: statusOf(s, item),
    category: s.category,
    categoryLabel: label,
    campaignId: s.campaignId,
    campaignTitle: campaign?.title ?? '',
    content: maskPersonalData(s.content),
    createdAt: s.createdAt,
    timeline: timeline(facts),
    ...(s.reply ? { reply: { text: maskPersonalData(s.reply.text), at: s.reply.at } } : {}),
    ...(s.rating ? { rating: s.rating } : {}),
    ...(item ? { checklistItem: { id: item.id, title: maskPersonalData(item.title), status: item.status, deadline: item.deadline } } : {}),
  };
}
