import { canMove, canSignOff, isPartyOrg, itemSourceLabels, signOffProblem } from '@kaimen/shared';
import { checklistRoutes as routes } from '@kaimen/shared/checklist/routes';
import { bind, Reply } from '../lib/api';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import { newId } from '../lib/ids';
import { getCampaign } from '../feedback/campaign-store';
import { getOrg } from '../org/store';
import { startEvidenceUpload, withEvidenceLinks } from './evidence';
import { getItem, newItemPut, saveItem, type ChecklistItemRecord } from './store';
import { adminItemOf, itemOrg, type Members } from './views';
import { db } from '../lib/db';
import { TransactWriteCommand } from '../lib/dynamo';

const noMembers = { ids: [], externalIds: [], samples: [] };

async function itemWithCampaign(itemId: string) {
  const r = await getItem(itemId);
  if (!r || r.summary.mergedInto) throw notFound('整改事项不存在');
  const campaign = await getCampaign(r.campaignId);
  if (!campaign) throw notFound('整改事项所属的活动不存在');
  return { r, campaign };
}

/** The remediation ledger's own routes: hand-made items from every source, sign-off by the level above, evidence uploads. */
export const ledgerBindings = (membersOf: (campaignId: string, itemId: string) => Promise<Members>) => [
  bind(routes.createChecklistItem, async ({ params, body, principal, now }) => {
    const campaign = await getCampaign(params.campaignId);
    if (!campaign) throw notFound('征求意见活动不存在');
    assertInScope(principal, campaign.orgPath, '这个活动不在您所管理的组织范围内');
    let org = { id: campaign.orgId, path: campaign.orgPath, name: campaign.orgName ?? campaign.orgId };
    if (body.orgId && body.orgId !== campaign.orgId) {
      const found = await getOrg(body.orgId);
      if (!found || found.status === 'closed' || !found.path.startsWith(campaign.orgPath)) {
        throw validationFailed('责任单位不在这个活动的组织范围内', [{ path: 'orgId', message: '请选择本活动所属机关或其下级单位' }]);
      }
      if (isPartyOrg(found)) throw validationFailed('责任单位应为司法局或执业机构', [{ path: 'orgId', message: '请选择司法局或执业机构，而不是党组织' }]);
      assertInScope(principal, found.path, '这个单位不在您所管理的组织范围内');
      org = { id: found.id, path: found.path, name: found.name };
    }
    if (body.category !== undefined && !campaign.categories.some((c) => c.key === body.category)) {
      throw validationFailed('问题类别不存在', [{ path: 'category', message: '请选择本活动的问题类别' }]);
    }
    const at = now.toISOString();
    const id = newId(now.getTime());
    const r: ChecklistItemRecord = {
      id, campaignId: campaign.id, title: body.title, titleByAdmin: true, status: 'open', owner: body.owner ?? null, deadline: body.deadline ?? null,
      target: body.target ?? null, progress: null, published: body.published ?? false, source: body.source, category: body.category ?? 'other',
      orgId: org.id, orgPath: org.path, orgName: org.name,
      notes: [{ text: `${itemSourceLabels[body.source]}查摆问题，纳入整改台账`, by: principal.name, at }],
      // Locked and empty: the tally never sends a suggestion to it.
      summary: {
        id, facet: null, count: 0, services: {}, categories: {}, channels: {}, terms: {}, grams: {}, sample: '', firstSeen: at, lastSeen: at,
        heat: 0, heatAt: at, locked: true,
      },
      version: 1, createdAt: at, updatedAt: at,
    };
    await db().send(new TransactWriteCommand({ TransactItems: [newItemPut(r)] }));
    return new Reply(201, adminItemOf(r, campaign, noMembers, now));
  }),

  bind(routes.signOffChecklistItem, async ({ params, body, principal, now }) => {
    const problem = signOffProblem(body);
    if (problem) throw validationFailed(problem, [{ path: 'reason', message: problem }]);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { r, campaign } = await itemWithCampaign(params.itemId);
      const org = itemOrg(r, campaign);
      if (!canSignOff(principal.orgPath, org.path)) {
        throw forbidden(`销号须由责任单位（${org.name}）的上级审核，您不能审核这个事项`);
      }
      if (r.status !== 'done') throw conflict(r.status === 'closed' ? '这个事项已经销号' : '事项尚未整改完成，不能审核销号');
      const at = now.toISOString();
      const signer = (await getOrg(principal.orgId ?? ''))?.name ?? '';
      const approve = body.decision === 'approve';
      const to = approve ? 'closed' : 'in_progress';
      if (!canMove(r.status, to)) throw conflict('整改状态不能这样变更');
      const reason = body.reason?.trim();
      const next: ChecklistItemRecord = {
        ...r, status: to, updatedAt: at, notes: [...r.notes, { text: approve ? `上级审核同意销号${reason ? `：${reason}` : ''}` : `上级退回：${reason}`, by: principal.name, at, status: to }],
        signOff: { state: approve ? 'approved' : 'refused', by: principal.name, byOrgName: signer, at, ...(reason ? { reason } : {}) },
      };
      if (!approve) delete next.resolvedAt;
      if (await saveItem(next, r.version)) return withEvidenceLinks(adminItemOf({ ...next, version: r.version + 1 }, campaign, await membersOf(campaign.id, r.id), now), next);
    }
    throw conflict('整改事项正在被更新，请稍后重试');
  }),

  bind(routes.checklistEvidenceUpload, async ({ params, body, principal, now }) => {
    const { r, campaign } = await itemWithCampaign(params.itemId);
    assertInScope(principal, campaign.orgPath, '这个活动不在您所管理的组织范围内');
    if (r.status === 'closed') throw conflict('已销号的事项不能再添加佐证材料');
    return new Reply(201, await startEvidenceUpload(r, body, principal.name, now));
  }),
];
