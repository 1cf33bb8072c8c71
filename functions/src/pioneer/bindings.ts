import { createHash } from 'node:crypto';
import { CARD_PHOTO_MAX_BYTES, cardPhotoTypes, countPosts, effectiveStatus, isInstitution} from '@kaimen/shared';
import { pioneerRoutes as routes } from '@kaimen/shared/pioneer/routes';
import { bind, type Binding } from '../lib/api';
import { newId } from '../lib/ids';
import { forbidden, HttpProblem, notFound, validationFailed } from '../lib/problem';
import { consumeRate } from '../lib/rate-limit';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getCampaign } from '../feedback/campaign-store';
import { getMember, isRosterEntry } from '../org/member-store';
import { getOrg, isActive, listChildren } from '../org/store';
import { addRating, approvedPostsAt, createPost, getPost, memberPostId, postsUnder, replacePost, type PostRecord } from './store';
import { openCampaignFor, ownView, publicView } from './views';

const RATING_WINDOW_SECONDS = 86_400;

/** A card the caller reviews: a secretary or admin whose scope holds the member's branch (never their own card). */
async function reviewablePost(principal: Principal, postId: string): Promise<PostRecord> {
  const p = await getPost(postId);
  if (!p) throw notFound('先锋岗卡片不存在');
  assertInScope(principal, p.orgPath, '这张卡片不在您所管理的组织范围内');
  return p;
}

async function approvedPost(postId: string): Promise<PostRecord> {
  const p = await getPost(postId);
  if (!p || p.status !== 'approved') throw notFound('没有找到这个先锋岗，可能尚未公开');
  return p;
}

/** A member's photo folder: not their user id, which public photo URLs would otherwise show. */
const photoFolder = (userId: string) => createHash('sha256').update(`pioneer-photo:${userId}`).digest('hex').slice(0, 24);

async function checkedPhoto(principal: Principal, key: string): Promise<string> {
  if (!key.startsWith(`pioneer/${photoFolder(principal.userId)}/`)) throw validationFailed('照片不属于您，请重新上传', [{ path: 'photoKey', message: '请重新上传照片' }]);
  const { uploadedImageType } = await import('./photo');
  const type = await uploadedImageType(key);
  if (type === 'missing') throw validationFailed('照片还没有上传完成，请重新上传', [{ path: 'photoKey', message: '请重新上传照片' }]);
  if (type === null) throw validationFailed('上传的文件不是图片，请选择 JPEG、PNG 或 WebP 格式的照片', [{ path: 'photoKey', message: '文件内容不是图片' }]);
  return key;
}

/** 亮身份 · 亮承诺 · 亮岗牌: members' cards, the secretary's review, the public's pages and ratings, counts for the dashboard. */
export const bindings: Binding[] = [
  bind(routes.getMyPost, async ({ principal, now }) => {
    const id = await memberPostId(principal.userId);
    const p = id ? await getPost(id) : undefined;
    if (!p) return { post: null };
    const campaignId = p.status === 'approved' ? await openCampaignFor((await getOrg(p.institutionId))?.path ?? p.orgPath, now) : null;
    return { post: await ownView(p, campaignId) };
  }),

  bind(routes.myPostPhotoUpload, async ({ body, principal, now }) => {
    if (!(cardPhotoTypes as readonly string[]).includes(body.contentType)) {
      throw validationFailed('只能上传图片（JPEG、PNG 或 WebP）', [{ path: 'contentType', message: '请选择 JPEG、PNG 或 WebP 格式的照片' }]);
    }
    if (body.size <= 0) throw validationFailed('照片是空的', [{ path: 'size', message: '请重新选择照片' }]);
    if (body.size > CARD_PHOTO_MAX_BYTES) {
      throw new HttpProblem('PAYLOAD_TOO_LARGE', `照片不能超过 ${CARD_PHOTO_MAX_BYTES / 1024 / 1024} MB`, [{ path: 'size', message: '请压缩后再上传' }]);
    }
    const ext = body.contentType.split('/')[1]!.replace('jpeg', 'jpg');
    const key = `pioneer/${photoFolder(principal.userId)}/${newId(now.getTime())}.${ext}`;
    const { presignUpload } = await import('../orglife/photos');
    return { key, ...(await presignUpload(key, body.contentType, body.size)) };
  }),

  bind(routes.saveMyPost, async ({ body, principal, now }) => {
    const member = await getMember(principal.userId);
    if (!isRosterEntry(member) || !member.active || !member.orgId || !member.orgPath) {
      throw forbidden('只有花名册中的党员才能亮身份、亮承诺，请先绑定花名册');
    }
    const branch = member.partyOrgId ? await getOrg(member.partyOrgId) : undefined;
    const allowed = new Set([member.institutionId, ...(branch?.institutionIds ?? [])]);
    const institutionId = body.institutionId ?? member.institutionId;
    const institution = allowed.has(institutionId) ? await getOrg(institutionId) : undefined;
    if (!institution || !isInstitution(institution) || !isActive(institution)) {
      throw validationFailed('所选单位不是您所在的单位', [{ path: 'institutionId', message: '请选择您所在的单位' }]);
    }
    const photoKey = body.photoKey ? await checkedPhoto(principal, body.photoKey) : undefined;
    const at = now.toISOString();
    const existingId = await memberPostId(principal.userId);
    const existing = existingId ? await getPost(existingId) : undefined;
    const next: PostRecord = {
      id: existing?.id ?? newId(now.getTime()),
      userId: member.id,
      name: member.name,
      orgId: member.orgId,
      orgPath: member.orgPath,
      institutionId: institution.id,
      institutionName: institution.name,
      kind: body.kind,
      level: existing?.level ?? 'institution',
      window: body.window,
      pledge: body.pledge,
      services: body.services,
      ...(photoKey ?? existing?.photoKey ? { photoKey: photoKey ?? existing!.photoKey! } : {}),
      // Every change is reviewed again before the public sees it.
      status: 'pending',
      submittedAt: at,
      ratingCount: existing?.ratingCount ?? 0,
      ratingSum: existing?.ratingSum ?? 0,
      version: (existing?.version ?? 0) + 1,
    };
    if (existing) await replacePost(next, existing.version);
    else await createPost(next);
    return ownView(next);
  }),

  bind(routes.listPosts, async ({ params, query, principal }) => {
    const org = await getOrg(params.orgId);
    if (!org) throw notFound('组织不存在');
    assertInScope(principal, org.path);
    const order = { pending: 0, returned: 1, approved: 2 } as const;
    const posts = (await postsUnder(org.path))
      .filter((p) => !query.status || p.status === query.status)
      .sort((a, b) => order[a.status] - order[b.status] || b.submittedAt.localeCompare(a.submittedAt));
    return { items: await Promise.all(posts.map((p) => ownView(p))), nextCursor: null };
  }),

  bind(routes.getPost, async ({ params, principal }) => ownView(await reviewablePost(principal, params.postId))),

  bind(routes.reviewPost, async ({ params, body, principal, now }) => {
    const p = await reviewablePost(principal, params.postId);
    if (p.userId === principal.userId) throw forbidden('不能审核自己的先锋岗卡片，请由上级审核');
    const at = now.toISOString();
    const { returnReason: _r, ...rest } = p;
    const next: PostRecord = body.approve
      ? { ...rest, status: 'approved', level: body.level ?? p.level, reviewedAt: at, reviewedBy: principal.name, approvedAt: at, version: p.version + 1 }
      : { ...rest, status: 'returned', returnReason: body.reason!, reviewedAt: at, reviewedBy: principal.name, version: p.version + 1 };
    await replacePost(next, p.version);
    return ownView(next);
  }),

  bind(routes.postStats, async ({ params, principal }) => {
    const org = await getOrg(params.orgId);
    if (!org) throw notFound('组织不存在');
    assertInScope(principal, org.path);
    const [posts, children] = await Promise.all([postsUnder(org.path), listChildren(org.id)]);
    return {
      orgId: org.id, orgName: org.name, ...countPosts(posts, org.path),
      children: children.filter(isActive).map((c) => ({ id: c.id, name: c.name, kind: c.kind, ...countPosts(posts, c.path) })),
    };
  }),

  bind(routes.publicPost, async ({ params, now }) => {
    const p = await approvedPost(params.postId);
    const institution = await getOrg(p.institutionId);
    return publicView(p, await openCampaignFor(institution?.path ?? p.orgPath, now));
  }),

  bind(routes.ratePost, async ({ params, body, principal, sourceIp, now }) => {
    await approvedPost(params.postId);
    const client = principal ? `wx:${principal.openid}` : `ip:${sourceIp}`;
    await consumeRate(`pioneer-rate-${params.postId}`, client, 1, RATING_WINDOW_SECONDS, now.getTime(), '今天已经评价过这个岗位');
    const rated = await addRating(params.postId, body.stars);
    if (!rated) throw notFound('没有找到这个先锋岗，可能尚未公开');
    const institution = await getOrg(rated.institutionId);
    return publicView(rated, await openCampaignFor(institution?.path ?? rated.orgPath, now));
  }),

  bind(routes.campaignPosts, async ({ params, now }) => {
    const c = await getCampaign(params.campaignId);
    if (!c || c.status === 'draft' || effectiveStatus(c, now) === 'draft') throw notFound('征求意见活动不存在或尚未发布');
    const open = effectiveStatus(c, now) === 'open' ? c.id : null;
    const posts = (await postsUnder(c.orgPath)).filter((p) => p.status === 'approved');
    return { items: await Promise.all(posts.map((p) => publicView(p, open))), nextCursor: null };
  }),

  bind(routes.institutionPosts, async ({ params, now }) => {
    const org = await getOrg(params.orgId);
    if (!org || !isInstitution(org)) throw notFound('没有找到这个单位');
    const [posts, campaignId] = await Promise.all([approvedPostsAt(org.id), openCampaignFor(org.path, now)]);
    return { items: await Promise.all(posts.map((p) => publicView(p, campaignId))), nextCursor: null };
  }),
];

