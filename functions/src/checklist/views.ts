import { heatAt, itemKeywords, majority } from '@kaimen/shared/tally/index';
import { isOverdue, itemStatusLabels, maskPersonalData, type AdminItem, type PublicItem } from '@kaimen/shared';
import type { CampaignRecord } from '../feedback/campaign-store';
import type { ChecklistItemRecord } from './store';

export function publicItemOf(r: ChecklistItemRecord, campaign: CampaignRecord, now: Date): PublicItem {
  const category = majority(r.summary.categories) ?? 'other';
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
  };
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
    notes: r.notes,
    samples: members.samples,
  };
}

/** Live items (not merged away, not emptied), hottest first. */
export function liveItemsByHeat(items: ChecklistItemRecord[], now: Date): ChecklistItemRecord[] {
  const at = now.toISOString();
  return items
    .filter((r) => !r.summary.mergedInto && r.summary.count > 0)
    .sort((a, b) => heatAt(b.summary, at) - heatAt(a.summary, at) || b.summary.count - a.summary.count || a.id.localeCompare(b.id));
}
