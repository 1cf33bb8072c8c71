// Not the tally's index: that would load the lexicon and thesaurus for every list (see item-words.ts).
import { heatAt } from '@kaimen/shared/tally/heat';
import { itemKeywords, majority } from '@kaimen/shared/tally/item-words';
import { isOverdue, itemSourceLabels, itemStatusLabels, maskPersonalData, type AdminItem, type PublicItem, type SignOffState } from '@kaimen/shared';
import type { CampaignRecord } from '../feedback/campaign-store';
import { isManualItem, type ChecklistItemRecord } from './store';

export function publicItemOf(r: ChecklistItemRecord, campaign: CampaignRecord, now: Date): PublicItem {
  const category = r.category ?? majority(r.summary.categories) ?? 'other';
  const source = r.source ?? 'suggestion';
  return {
    id: r.id,
    title: maskPersonalData(r.title),
    category,
    categoryLabel: campaign.categories.find((c) => c.key === category)?.label ?? category,
    suggestionCount: r.summary.count,
    // Free text an admin typed (a target, a progress note) is published: mask phones, IDs, e-mails in it.
    target: r.target === null ? null : maskPersonalData(r.target),
    deadline: r.deadline,
    status: r.status,
    statusLabel: itemStatusLabels[r.status],
    progress: r.progress === null ? null : maskPersonalData(r.progress),
    overdue: isOverdue(r, now),
    owner: r.owner ?? null,
    source,
    sourceLabel: itemSourceLabels[source],
  };
}

/** The org that answers for an item: chosen for a hand-made one, the campaign's for the tally's. */
export function itemOrg(r: ChecklistItemRecord, campaign: CampaignRecord): { id: string; path: string; name: string } {
  return r.orgId && r.orgPath ? { id: r.orgId, path: r.orgPath, name: r.orgName ?? r.orgId } : { id: campaign.orgId, path: campaign.orgPath, name: campaign.orgName ?? campaign.orgId };
}

/** Where sign-off stands: done items wait for the level above; a refusal shows until the item is done again. */
export function signOffOf(r: ChecklistItemRecord): AdminItem['signOff'] {
  let state: SignOffState = 'none';
  if (r.status === 'done') state = 'pending';
  else if (r.status === 'closed') state = 'approved';
  else if (r.signOff?.state === 'refused') state = 'refused';
  const decided = (state === 'approved' || state === 'refused') && r.signOff ? r.signOff : undefined;
  return { state, ...(decided ? { by: decided.by, byOrgName: decided.byOrgName, at: decided.at, ...(decided.reason ? { reason: decided.reason } : {}) } : {}) };
}

export interface Members {
  ids: string[];
  externalIds: string[];
  samples: AdminItem['samples'];
}

const SAMPLES = 50;

/** An item's suggestions as the admin views list them (newest samples first). */
export function membersView(list: { id: string; externalId?: string; content: string; channel: string; createdAt: string }[]): Members {
  const newest = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SAMPLES);
  return {
    ids: list.map((s) => s.id),
    externalIds: list.flatMap((s) => (s.externalId ? [s.externalId] : [])),
    samples: newest.map((s) => ({ id: s.id, excerpt: maskPersonalData(s.content).slice(0, 80), channel: s.channel })),
  };
}

export function adminItemOf(r: ChecklistItemRecord, campaign: CampaignRecord, members: Members, now: Date): AdminItem {
  return {
    ...publicItemOf(r, campaign, now),
    // The admin edits these: they see them as typed.
    target: r.target,
    progress: r.progress,
    suggestionIds: members.ids,
    externalIds: members.externalIds,
    owner: r.owner,
    keywords: itemKeywords(r.summary),
    channels: r.summary.channels,
    firstSeen: r.summary.firstSeen,
    lastSeen: r.summary.lastSeen,
    heat: heatAt(r.summary, now.toISOString()),
    published: r.published,
    locked: !!r.summary.locked,
    // Evidence links are signed by the handler (presentItem); the stored object keys never leave.
    notes: r.notes.map(({ evidence: _e, ...n }) => n),
    samples: members.samples,
    orgId: itemOrg(r, campaign).id,
    orgName: itemOrg(r, campaign).name,
    signOff: signOffOf(r),
  };
}

/** Live items (not merged away, not emptied), hottest first. */
export function liveItemsByHeat(items: ChecklistItemRecord[], now: Date): ChecklistItemRecord[] {
  const at = now.toISOString();
  return items
    .filter((r) => !r.summary.mergedInto && (r.summary.count > 0 || isManualItem(r)))
    .sort((a, b) => heatAt(b.summary, at) - heatAt(a.summary, at) || b.summary.count - a.summary.count || a.id.localeCompare(b.id));
}
