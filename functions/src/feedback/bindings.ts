import {
  campaignStatsOf, DEFAULT_LIMIT, defaultCategories, effectiveStatus, formatCode, isWellFormedCode,
  normaliseCode, TRACKING_CODE_LENGTH, validateImport, XLSX_MEDIA_TYPE,
} from '@kaimen/shared';
import { feedbackRoutes as routes } from '@kaimen/shared/feedback/routes';
import { bind, FileReply, Reply, type Binding } from '../lib/api';
import { config } from '../lib/config';
import { newCode, newId } from '../lib/ids';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import { rateWindow } from '../lib/rate-limit';
import { assertInScope } from '../lib/scope';
import { readSheet } from '../lib/sheets';
import { getOrg, isReportableUnit, recentOrg, unitsUnder } from '../org/store';
import { getPost } from '../pioneer/store';
import { auditContactView } from './audit';
import { adminCampaign, ownedCampaign } from './access';
import { getCampaign, listCampaignsInScope, listPublishedCampaigns, publicCampaign, putCampaign, recentCampaign, type CampaignRecord } from './campaign-store';
import { inboxWorkbook } from './export';
import { trackedView } from './tracked-view';
import { importRows } from './import';
import { notifySuggestionReply } from '../notify/events';
import {
  allOfCampaign, createSuggestion, getItemFacts, getSuggestion, markReviewed, queryInbox, setFollowUp, setModeration, setRating,
  setReply, statusOf, suggestionByTrackingCode, toAdminView, type SuggestionRecord,
} from './suggestion-store';

/** An import request starts no new write after this long (the function's limit is 10 s). */
const IMPORT_BUDGET_MS = 4_000;
/** Test hook: `KAIMEN_IMPORT_BUDGET_MS` shortens the budget (read at every request; never set outside tests). */
function importBudgetMs(): number {
  const v = Number(process.env.KAIMEN_IMPORT_BUDGET_MS);
  return Number.isFinite(v) && v >= 0 && process.env.KAIMEN_IMPORT_BUDGET_MS ? v : IMPORT_BUDGET_MS;
}

async function byTrackingCode(raw: string): Promise<SuggestionRecord> {
  const code = normaliseCode(raw);
  if (!isWellFormedCode(code, TRACKING_CODE_LENGTH)) {
    throw validationFailed('查询码格式不正确', [{ path: 'trackingCode', message: `查询码为 ${TRACKING_CODE_LENGTH} 位字母和数字，如 K7QM-3XPA-9DTW` }]);
  }
  const s = await suggestionByTrackingCode(code);
  if (!s) throw notFound('没有找到这个查询码对应的意见，请核对后再试');
  return s;
}

async function adminSuggestionInScope(principal: Parameters<typeof adminCampaign>[0], suggestionId: string) {
  const s = await getSuggestion(suggestionId);
  if (!s) throw notFound('意见不存在');
  const access = await adminCampaign(principal, s.campaignId);
  if (access.unitScope && !(s.unitOrgPath ?? '').startsWith(access.unitScope)) throw forbidden('这条意见不在您所管理的组织范围内');
  return s;
}

async function withItems(list: SuggestionRecord[]) {
  const items = await getItemFacts(list.flatMap((s) => (s.checklistItemId ? [s.checklistItemId] : [])));
  return list.map((s) => toAdminView(s, s.checklistItemId ? items.get(s.checklistItemId) : undefined));
}

export const bindings: Binding[] = [
  bind(routes.listCampaigns, async ({ query, now }) =>
    listPublishedCampaigns(query.status ?? 'open', query.limit ?? DEFAULT_LIMIT, query.cursor, now)),

  bind(routes.getCampaign, async ({ params, now }) => {
    const c = await getCampaign(params.campaignId);
    if (!c || c.status === 'draft') throw notFound('征求意见活动不存在或尚未发布');
    return publicCampaign(c, now);
  }),

  bind(routes.listCampaignUnits, async ({ params }) => {
    const c = await getCampaign(params.campaignId);
    if (!c || c.status === 'draft') throw notFound('征求意见活动不存在或尚未发布');
    return { items: await unitsUnder(c.orgId) };
  }),

  bind(routes.submitSuggestion, async ({ params, body, principal, sourceIp, now, idempotency }) => {
    if (body.website) throw validationFailed('提交未通过校验，请刷新页面后重试');
    const campaign = await recentCampaign(params.campaignId);
    if (!campaign || campaign.status === 'draft') throw notFound('征求意见活动不存在或尚未发布');
    const status = effectiveStatus(campaign, now);
    if (status !== 'open') throw conflict(status === 'closed' ? '本次征求意见活动已结束，感谢您的关注' : '本次征求意见活动尚未开始');
    if (!campaign.categories.some((c) => c.key === body.category)) {
      throw validationFailed('请选择本活动的意见类别', [{ path: 'category', message: '类别不在本活动的类别中' }]);
    }
    const post = body.postId ? await getPost(body.postId) : undefined;
    if (body.postId && (!post || post.status !== 'approved' || !post.orgPath.startsWith(campaign.orgPath))) {
      throw validationFailed('所选先锋岗不在本次活动的范围内', [{ path: 'postId', message: '请从本活动的先锋岗中重新选择' }]);
    }
    // A suggestion about a post is about its institution unless the person names another unit.
    const unitId = body.orgId ?? post?.institutionId;
    const unit = unitId ? await recentOrg(unitId) : undefined;
    // Only a unit this campaign collects about: the campaign's org or a bureau/institution below it.
    if (unitId && (!unit || !unit.path.startsWith(campaign.orgPath) || !isReportableUnit(unit))) {
      throw validationFailed('所选单位不在本次活动的范围内', [{ path: 'orgId', message: '请从本活动的单位列表中重新选择' }]);
    }

    // A signed-in user (a guest too) has a share of their own, wherever they are; anonymous callers
    // share a higher ceiling per IP (a service window's Wi-Fi, a carrier NAT).
    const { suggestionsPerWindow, anonymousPerIpWindow, windowSeconds } = config().rateLimits;
    const submitter = principal ? { client: `wx:${principal.openid}`, openid: principal.openid } : null;
    const rate = submitter
      ? rateWindow('suggest', submitter.client, suggestionsPerWindow, windowSeconds, now.getTime())
      : rateWindow('suggest-anon', `ip:${sourceIp}`, anonymousPerIpWindow, windowSeconds, now.getTime());

    const at = now.toISOString();
    const record: SuggestionRecord = {
      id: newId(now.getTime()),
      campaignId: campaign.id,
      campaignOrgPath: campaign.orgPath,
      category: body.category,
      content: body.content.trim(),
      channel: 'miniapp',
      anonymous: body.anonymous,
      ...(body.anonymous || !body.contact ? {} : { contact: body.contact }),
      ...(unit ? { orgId: unit.id, unitOrgPath: unit.path } : {}),
      ...(post ? { postId: post.id, postLabel: `${post.name} · ${post.window}` } : {}),
      trackingCode: newCode(TRACKING_CODE_LENGTH),
      createdAt: at,
      submittedAt: at,
    };
    const answerFor = (s: SuggestionRecord) => ({ id: s.id, trackingCode: formatCode(s.trackingCode!), status: statusOf(s) });
    const created = answerFor(record);
    // One transaction: the suggestion, its tracking code, the rate counter, the submitter's link and this answer.
    const outcome = await createSuggestion(record, { rate, submitter, idempotency: idempotency?.recording(created, now.getTime()) }, now);
    if (outcome.kind === 'created') return created;
    return new Reply(200, answerFor(outcome.suggestion), { 'Kaimen-Duplicate-Of': outcome.suggestion.id });
  }, { idempotency: 'in-transaction' }),

  bind(routes.trackSuggestion, async ({ params }) => trackedView(await byTrackingCode(params.trackingCode))),

  bind(routes.rateSuggestion, async ({ params, body, now }) => {
    const s = await byTrackingCode(params.trackingCode);
    if (!s.reply) throw conflict('收到答复后才能评价');
    if (s.rating) throw conflict('这条意见已经评价过了');
    const rated = await setRating(s, { rating: body.rating, ...(body.comment?.trim() ? { comment: body.comment.trim() } : {}), at: now.toISOString() });
    if (!rated) throw conflict('这条意见已经评价过了');
    return trackedView(rated);
  }),

  bind(routes.adminListCampaigns, async ({ query, principal, now }) => {
    if (!principal.orgPath) throw forbidden();
    return listCampaignsInScope(principal.orgPath, query.limit ?? DEFAULT_LIMIT, query.cursor, now);
  }),

  bind(routes.createCampaign, async ({ body, principal, now }) => {
    const org = await getOrg(body.orgId);
    if (!org) throw validationFailed('所属组织不存在', [{ path: 'orgId', message: '请选择您管理范围内的组织' }]);
    assertInScope(principal, org.path, '只能为您所管理的组织创建活动');
    const at = now.toISOString();
    const c: CampaignRecord = {
      id: newId(now.getTime()),
      title: body.title,
      description: body.description,
      categories: body.categories ?? defaultCategories.map((x) => ({ ...x })),
      opensAt: body.opensAt,
      closesAt: body.closesAt,
      status: body.status ?? 'draft',
      orgId: org.id,
      orgName: org.name,
      orgPath: org.path,
      ...(body.reportChannel ? { reportChannel: body.reportChannel } : {}),
      createdAt: at,
      updatedAt: at,
    };
    await putCampaign(c);
    return publicCampaign(c, now);
  }),

  bind(routes.updateCampaign, async ({ params, body, principal, now }) => {
    const c = await ownedCampaign(principal, params.campaignId);
    const next: CampaignRecord = { ...c, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), updatedAt: now.toISOString() };
    if (next.opensAt >= next.closesAt) throw validationFailed('结束时间应晚于开始时间', [{ path: 'closesAt', message: '结束时间应晚于开始时间' }]);
    await putCampaign(next);
    return publicCampaign(next, now);
  }),

  bind(routes.adminListSuggestions, async ({ params, query, principal, requestId, now }) => {
    const { campaign, unitScope } = await adminCampaign(principal, params.campaignId);
    const page = await queryInbox(campaign.id, { ...query, limit: query.limit ?? DEFAULT_LIMIT }, unitScope);
    const withContact = page.items.filter((s) => s.contact).map((s) => s.id);
    await auditContactView(campaign.id, principal, 'list', withContact, requestId, now);
    await markReviewed(page.items.filter((s) => !s.reviewedAt).map((s) => s.id), now.toISOString());
    let items = await withItems(page.items.map((s) => (s.reviewedAt ? s : { ...s, reviewedAt: now.toISOString() })));
    if (query.status === 'resolved' || query.status === 'in_checklist') items = items.filter((s) => s.status === query.status);
    return { items, nextCursor: page.nextCursor };
  }),

  bind(routes.importSuggestions, async ({ params, query, raw, principal, now }) => {
    const campaign = await ownedCampaign(principal, params.campaignId);
    const sheet = await readSheet(raw!.contentType, raw!.bytes);
    const { rows, errors } = validateImport(sheet, campaign.categories, now);
    const from = Number(query.from ?? 0);
    if (from > rows.length) throw validationFailed('起始行超出了文件的行数', [{ path: 'from', message: `文件共 ${rows.length} 行` }]);
    if (errors.length) {
      const problem = validationFailed(
        `文件中有 ${errors.length} 行有误，未导入任何内容，请修改后重新上传`,
        errors.map((e) => ({ path: `rows[${e.row}]`, row: e.row, message: e.message })),
      );
      Object.assign(problem.problem, { imported: 0, skipped: 0 });
      throw problem;
    }
    // A large file on a busy server: stop starting writes well before the request's time limit and
    // say where to go on (issue 11: 5,000 rows answered 500 after 10 s).
    const done = await importRows(campaign, rows.slice(from), now, now.getTime() + importBudgetMs());
    if (done.nextRow === undefined) return { imported: done.imported, skipped: done.skipped, errors: [] };
    const nextRow = from + done.nextRow;
    return { imported: done.imported, skipped: done.skipped, errors: [], remaining: rows.length - nextRow, nextRow };
  }),

  bind(routes.exportSuggestions, async ({ params, query, principal, requestId, now }) => {
    const { campaign, unitScope } = await adminCampaign(principal, params.campaignId);
    const all: SuggestionRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryInbox(campaign.id, { ...query, cursor, limit: 100 }, unitScope);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await auditContactView(campaign.id, principal, 'export', all.filter((s) => s.contact).map((s) => s.id), requestId, now);
    const rows = await withItems(all);
    const day = now.toISOString().slice(0, 10);
    return new FileReply(await inboxWorkbook(campaign.title, campaign.categories, rows), XLSX_MEDIA_TYPE, `${campaign.title}-意见建议-${day}.xlsx`);
  }),

  bind(routes.campaignStats, async ({ params, principal }) => {
    const { campaign, unitScope } = await adminCampaign(principal, params.campaignId);
    const all = (await allOfCampaign(campaign.id)).filter((s) => !unitScope || (s.unitOrgPath ?? '').startsWith(unitScope));
    const items = await getItemFacts(all.flatMap((s) => (s.checklistItemId ? [s.checklistItemId] : [])));
    return campaignStatsOf(all.map((s) => ({
      createdAt: s.createdAt, submittedAt: s.submittedAt, category: s.category, channel: s.channel,
      status: statusOf(s, s.checklistItemId ? items.get(s.checklistItemId) : undefined),
      replied: !!s.reply, ...(s.rating ? { rating: s.rating.rating } : {}),
      followUpPending: s.rating?.rating === 'unsatisfied' && !s.followUp, excluded: !!s.moderation,
    })), campaign.categories);
  }),

  bind(routes.replySuggestion, async ({ params, body, principal, now }) => {
    await adminSuggestionInScope(principal, params.suggestionId);
    const updated = await setReply(params.suggestionId, { text: body.text.trim(), at: now.toISOString(), by: principal.name });
    if (!updated) throw notFound('意见不存在');
    await notifySuggestionReply(updated, updated.reply!);
    return (await withItems([updated]))[0]!;
  }),

  bind(routes.moderateSuggestion, async ({ params, body, principal }) => {
    const s = await adminSuggestionInScope(principal, params.suggestionId);
    if (body.duplicateOf) {
      if (body.moderation !== 'duplicate') throw validationFailed('只有标记为重复时才能指定原意见', [{ path: 'duplicateOf', message: '请先选择“重复”' }]);
      if (body.duplicateOf === s.id) throw validationFailed('不能标记为与自己重复', [{ path: 'duplicateOf', message: '请选择另一条意见' }]);
      const original = await getSuggestion(body.duplicateOf);
      if (!original || original.campaignId !== s.campaignId) throw validationFailed('原意见不存在', [{ path: 'duplicateOf', message: '请选择本活动中的另一条意见' }]);
    }
    const updated = await setModeration(s, body.moderation, body.duplicateOf);
    if (!updated) throw notFound('意见不存在');
    return (await withItems([updated]))[0]!;
  }),

  bind(routes.followUpSuggestion, async ({ params, body, principal, now }) => {
    const s = await adminSuggestionInScope(principal, params.suggestionId);
    if (s.rating?.rating !== 'unsatisfied') throw conflict('只有“不满意”的意见需要回访');
    if (s.followUp) throw conflict('这条意见已经回访过了');
    const updated = await setFollowUp(s.id, { note: body.note.trim(), ...(body.outcome ? { outcome: body.outcome } : {}), at: now.toISOString(), by: principal.name });
    if (!updated) throw conflict('这条意见已经回访过了');
    return (await withItems([updated]))[0]!;
  }),
];

