import { canMove, XLSX_MEDIA_TYPE, type PatchItemBody } from '@kaimen/shared';
import { checklistRoutes as routes } from '@kaimen/shared/checklist/routes';
import { bind, FileReply, type Binding } from '../lib/api';
import { conflict, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getCampaign, type CampaignRecord } from '../feedback/campaign-store';
import { allOfCampaign, getSuggestion } from '../feedback/suggestion-store';
import { ledgerWorkbook } from './ledger';
import { campaignItems, getItem, isManualItem, liveRecord, pendingCount, saveItem, type ChecklistItemRecord, type StoredEvidence } from './store';
import { verifiedEvidence, withEvidenceLinks } from './evidence';
import { ledgerBindings } from './ledger-routes';
import { notifyItemDone } from '../notify/events';
import { currentRun, readRun } from './run-store';
import { lessonsOf, recordLessons, removeLesson } from './lesson-store';
import { adminItemOf, liveItemsByHeat, membersView, publicItemOf } from './views';

/** The tally run, merges and moves: loaded with the first of them, so no other route loads the tally (regrouping.ts). */
const regrouping = () => import('./regrouping');

async function campaignInScope(principal: Principal, campaignId: string): Promise<CampaignRecord> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw notFound('征求意见活动不存在');
  assertInScope(principal, campaign.orgPath, '这个活动不在您所管理的组织范围内');
  return campaign;
}

/** Each live item's counted suggestions (spam and duplicates excluded; members of merged items count in the item they were merged into). */
async function membersOf(campaignId: string, items?: ChecklistItemRecord[]) {
  const [all, list] = await Promise.all([allOfCampaign(campaignId), items ?? campaignItems(campaignId)]);
  const records = new Map(list.map((r) => [r.id, r]));
  const members = new Map<string, typeof all>();
  for (const s of all) {
    if (!s.checklistItemId || s.moderation) continue;
    const id = liveRecord(s.checklistItemId, records)?.id ?? s.checklistItemId;
    const list = members.get(id) ?? [];
    list.push(s);
    members.set(id, list);
  }
  return members;
}

async function memberIds(campaignId: string, itemId: string) {
  return membersView((await membersOf(campaignId)).get(itemId) ?? []);
}

async function adminList(campaign: CampaignRecord, now: Date) {
  const items = await campaignItems(campaign.id);
  const members = await membersOf(campaign.id, items);
  return Promise.all(liveItemsByHeat(items, now).map(async (r) => {
    const list = members.get(r.id) ?? [];
    return { item: await withEvidenceLinks(adminItemOf(r, campaign, membersView(list), now), r), sources: list };
  }));
}

/** Applies an admin's change to an item; the tally reads these fields and never overrides them. */
function applyPatch(r: ChecklistItemRecord, body: PatchItemBody, by: string, at: string, evidence: StoredEvidence[]): ChecklistItemRecord {
  const next: ChecklistItemRecord = { ...r, notes: [...r.notes], summary: { ...r.summary }, updatedAt: at };
  if (body.title !== undefined) Object.assign(next, { title: body.title, titleByAdmin: true });
  if (body.owner !== undefined) next.owner = body.owner;
  if (body.deadline !== undefined) next.deadline = body.deadline;
  if (body.target !== undefined) next.target = body.target;
  if (body.published !== undefined) next.published = body.published;
  if (body.locked !== undefined) next.summary.locked = body.locked;
  if (body.status !== undefined && body.status !== r.status) {
    if (body.status === 'closed') {
      throw validationFailed('销号须经责任单位的上级审核，不能直接改为已销号', [{ path: 'status', message: '整改完成后由上级在“审核销号”中同意销号' }]);
    }
    if (!canMove(r.status, body.status)) {
      throw validationFailed('整改状态不能这样变更', [{ path: 'status', message: '状态只能依次推进：待整改 → 整改中 → 已完成 → 已销号' }]);
    }
    next.status = body.status;
    if (body.status === 'done') next.resolvedAt ??= at;
    else delete next.resolvedAt;
  }
  if (body.progress !== undefined || next.status !== r.status) {
    next.notes.push({ text: body.progress ?? '', by, at, ...(next.status !== r.status ? { status: next.status } : {}), ...(evidence.length ? { evidence } : {}) });
    if (body.progress !== undefined) next.progress = body.progress;
  }
  return next;
}

export const bindings: Binding[] = [
  ...ledgerBindings(memberIds),
  bind(routes.runTally, async ({ params, principal, now }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    const { startTally } = await regrouping();
    const run = await startTally(campaign.id, now);
    return { runId: run.runId };
  }),

  bind(routes.tallyRun, async ({ params, principal, now }) => {
    const run = await readRun(params.runId, now);
    if (!run) throw notFound('归并任务不存在');
    await campaignInScope(principal, run.campaignId);
    return run;
  }),

  bind(routes.adminChecklist, async ({ params, principal, now }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    const [list, pending, run] = await Promise.all([adminList(campaign, now), pendingCount(campaign.id), currentRun(campaign.id, now)]);
    return { items: list.map((x) => x.item), pending, ...(run ? { run } : {}) };
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
      if (body.evidenceIds?.length && body.progress === undefined) {
        throw validationFailed('请填写整改进展后再附佐证材料', [{ path: 'progress', message: '佐证材料附在一条整改进展上' }]);
      }
      if (r.status === 'closed' && (body.progress !== undefined || body.evidenceIds?.length)) throw conflict('已销号的事项不能再添加整改进展');
      const evidence = body.evidenceIds?.length ? await verifiedEvidence(r.id, body.evidenceIds) : [];
      const next = applyPatch(r, body, principal.name, now.toISOString(), evidence);
      if (await saveItem(next, r.version)) {
        const sources = (await membersOf(campaign.id)).get(r.id) ?? [];
        if (next.status === 'done' && r.status !== 'done') await notifyItemDone(next, campaign.orgPath, sources);
        return withEvidenceLinks(adminItemOf({ ...next, version: r.version + 1 }, campaign, membersView(sources), now), next);
      }
    }
    throw conflict('整改事项正在被更新，请稍后重试');
  }),

  bind(routes.mergeChecklistItems, async ({ params, body, principal, now }) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const into = await getItem(params.itemId);
      if (!into || into.summary.mergedInto) throw notFound('整改事项不存在');
      const from = await getItem(body.from);
      if (isManualItem(into) || (from && isManualItem(from))) {
        throw validationFailed('只有群众建言归并的事项可以合并', [{ path: 'from', message: '民主生活会、自查、上级检查、谈心谈话的事项不能合并' }]);
      }
      const campaign = await campaignInScope(principal, into.campaignId);
      const { loadJieba, mergeItems, lessonFromMerge } = await regrouping();
      await loadJieba();
      const merged = await mergeItems(into, body.from, now.toISOString());
      if (merged) {
        // The tally learns from it: the two items' distinctive words become one of the bureau's synonyms.
        const lesson = from ? lessonFromMerge(into.summary, from.summary) : undefined;
        if (lesson) await recordLessons(campaign.orgPath, [lesson], { source: 'merge', campaignId: campaign.id, by: principal.name, at: now.toISOString() });
        return adminItemOf(merged, campaign, await memberIds(campaign.id, merged.id), now);
      }
    }
    throw conflict('整改事项正在被更新，请稍后重试');
  }),

  bind(routes.moveSuggestionToItem, async ({ params, body, principal, now }) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const s = await getSuggestion(params.suggestionId);
      if (!s) throw notFound('意见不存在');
      const campaign = await campaignInScope(principal, s.campaignId);
      const { loadJieba, liveItem, moveSuggestion, lessonsFromMove } = await regrouping();
      await loadJieba();
      const [fromItem, toItem] = await Promise.all([s.checklistItemId ? liveItem(s.checklistItemId) : undefined, body.toItemId ? liveItem(body.toItemId) : undefined]);
      if (toItem && isManualItem(toItem)) throw validationFailed('意见只能移到群众建言事项', [{ path: 'toItemId', message: '请选择群众建言归并的事项' }]);
      const moved = await moveSuggestion(s, body.toItemId, now.toISOString());
      if (moved) {
        // The tally learns from it: worded like this, a suggestion belongs with the target, apart from where it was.
        const lessons = fromItem ? lessonsFromMove(s.content, fromItem.summary, toItem?.summary) : [];
        if (lessons.length) await recordLessons(campaign.orgPath, lessons, { source: 'move', campaignId: campaign.id, by: principal.name, at: now.toISOString() });
        return moved;
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

  bind(routes.tallyLessons, async ({ params, principal }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    return { lessons: await lessonsOf(campaign.orgPath) };
  }),

  bind(routes.removeTallyLesson, async ({ params, principal }) => {
    const campaign = await campaignInScope(principal, params.campaignId);
    if (!(await removeLesson(campaign.orgPath, params.lessonId))) throw notFound('这条归并规则不存在或已删除');
    return { ok: true };
  }),
];
