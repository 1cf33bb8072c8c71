import { canMove, routes, XLSX_MEDIA_TYPE, type PatchItemBody } from '@kaimen/shared';
import { bind, createFunction, FileReply } from '../lib/api';
import { conflict, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getCampaign, type CampaignRecord } from '../feedback/campaign-store';
import { allOfCampaign } from '../feedback/suggestion-store';
import { ledgerWorkbook } from './ledger';
import { campaignItems, getItem, pendingCount, saveItem, type ChecklistItemRecord } from './store';
import { runTally } from './tally-run';
import { adminItemOf, liveItemsByHeat, publicItemOf } from './views';

async function campaignInScope(principal: Principal, campaignId: string): Promise<CampaignRecord> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw notFound('征求意见活动不存在');
  assertInScope(principal, campaign.orgPath, '这个活动不在您所管理的组织范围内');
  return campaign;
}

/** Each item's counted suggestions (spam and duplicates excluded). */
async function membersOf(campaignId: string) {
  const all = await allOfCampaign(campaignId);
  const members = new Map<string, typeof all>();
  for (const s of all) {
    if (!s.checklistItemId || s.moderation) continue;
    const list = members.get(s.checklistItemId) ?? [];
    list.push(s);
    members.set(s.checklistItemId, list);
  }
  return members;
}

async function adminList(campaign: CampaignRecord, now: Date) {
  const [items, members] = await Promise.all([campaignItems(campaign.id), membersOf(campaign.id)]);
  return liveItemsByHeat(items, now).map((r) => {
    const list = members.get(r.id) ?? [];
    return { item: adminItemOf(r, campaign, { ids: list.map((s) => s.id), externalIds: list.flatMap((s) => (s.externalId ? [s.externalId] : [])) }, now), sources: list };
  });
}

/** Applies an admin's change to an item; the tally reads these fields and never overrides them. */
function applyPatch(r: ChecklistItemRecord, body: PatchItemBody, by: string, at: string): ChecklistItemRecord {
  const next: ChecklistItemRecord = { ...r, notes: [...r.notes], summary: { ...r.summary }, updatedAt: at };
  if (body.title !== undefined) Object.assign(next, { title: body.title, titleByAdmin: true });
  if (body.owner !== undefined) next.owner = body.owner;
  if (body.deadline !== undefined) next.deadline = body.deadline;
  if (body.target !== undefined) next.target = body.target;
  if (body.published !== undefined) next.published = body.published;
  if (body.locked !== undefined) next.summary.locked = body.locked;
  if (body.status !== undefined && body.status !== r.status) {
    if (!canMove(r.status, body.status)) {
      throw validationFailed('整改状态不能这样变更', [{ path: 'status', message: '状态只能依次推进：待整改 → 整改中 → 已完成 → 已销号' }]);
    }
    next.status = body.status;
    if (body.status === 'done' || body.status === 'closed') next.resolvedAt ??= at;
    else delete next.resolvedAt;
  }
  if (body.progress !== undefined || next.status !== r.status) {
    next.notes.push({ text: body.progress ?? '', by, at, ...(next.status !== r.status ? { status: next.status } : {}) });
    if (body.progress !== undefined) next.progress = body.progress;
  }
  return next;
}

export const handler = createFunction([
  bind(routes.runTally, async ({ params, principal, now }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    return runTally(campaign.id, now);
  }),

  bind(routes.adminChecklist, async ({ params, principal, now }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    const [list, pending] = await Promise.all([adminList(campaign, now), pendingCount(campaign.id)]);
    return { items: list.map((x) => x.item), pending };
  }),

  bind(routes.checklistLedger, async ({ params, principal, now }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    const list = await adminList(campaign, now);
    const label = (key: string) => campaign.categories.find((c) => c.key === key)?.label ?? key;
    const sources = list.flatMap((x, i) => x.sources.map((s) => ({
      itemNo: i + 1, id: s.id, externalId: s.externalId, channel: s.channel, categoryLabel: label(s.category), submittedAt: s.submittedAt, content: s.content,
    })));
    const day = now.toISOString().slice(0, 10);
    return new FileReply(await ledgerWorkbook(campaign.title, list.map((x) => x.item), sources), XLSX_MEDIA_TYPE, `${campaign.title}-整改台账-${day}.xlsx`);
  }),

  bind(routes.patchChecklistItem, async ({ params, body, principal, now }) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await getItem(params.itemId);
      if (!r || r.summary.mergedInto) throw notFound('整改事项不存在');
      const campaign = await campaignInScope(principal, r.campaignId);
      const next = applyPatch(r, body, principal.name, now.toISOString());
      if (await saveItem(next, r.version)) {
        const members = (await membersOf(campaign.id)).get(r.id) ?? [];
        return adminItemOf({ ...next, version: r.version + 1 }, campaign, { ids: members.map((s) => s.id), externalIds: members.flatMap((s) => (s.externalId ? [s.externalId] : [])) }, now);
      }
    }
    throw conflict('整改事项正在被更新，请稍后重试');
  }),

  bind(routes.publicChecklist, async ({ params, now }) => {
    const campaign = await getCampaign(params.campaignId);
    if (!campaign || campaign.status === 'draft') throw notFound('征求意见活动不存在或尚未发布');
    const items = liveItemsByHeat(await campaignItems(campaign.id), now).filter((r) => r.published);
    return {
      campaignId: campaign.id, campaignTitle: campaign.title, reportChannel: campaign.reportChannel ?? null,
      items: items.map((r) => publicItemOf(r, campaign, now)),
    };
  }),
]);
