import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { containsPersonalData } from '../feedback/privacy';

/** 党员先锋岗 and its kin: what kind of post a member's public card stands for. */
export const postKinds = ['pioneer_post', 'model_post', 'responsibility_area', 'service_team'] as const;
export const postKind = z.enum(postKinds, '请选择岗位类型');
export type PostKind = z.infer<typeof postKind>;
export const postKindLabels: Record<PostKind, string> = {
  pioneer_post: '党员先锋岗', model_post: '党员示范岗', responsibility_area: '党员责任区', service_team: '党员服务队',
};

/** The level that named the post (e.g. 市级党员先锋岗); set by the reviewer, the institution's own by default. */
export const postLevels = ['institution', 'county', 'city', 'province'] as const;
export const postLevel = z.enum(postLevels, '请选择命名级别');
export type PostLevel = z.infer<typeof postLevel>;
export const postLevelLabels: Record<PostLevel, string> = { institution: '单位级', county: '县（区）级', city: '市级', province: '省级' };

export const postStatuses = ['pending', 'approved', 'returned'] as const;
export const postStatus = z.enum(postStatuses);
export type PostStatus = z.infer<typeof postStatus>;
export const postStatusLabels: Record<PostStatus, string> = { pending: '待审核', approved: '已公开', returned: '已退回' };

export const PLEDGE_MIN = 10;
export const PLEDGE_MAX = 300;
export const MAX_SERVICES = 8;

const noPersonalData = (what: string) => z.refine<string>((s) => !containsPersonalData(s), `${what}中不能含有手机号、身份证号等个人信息，请删去后再提交`);
const text = (label: string, min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, `${label}至少 ${min} 个字`), z.maxLength(max, `${label}最多 ${max} 个字`), noPersonalData(label));

/** What a member types on the phone for their card (name and institution come from the roster). */
export const savePostBody = z.strictObject({
  kind: postKind,
  /** 岗位/窗口, e.g. 公证受理窗口. */
  window: text('岗位（窗口）', 2, 40),
  /** Only when the member's branch covers more than one institution (a joint branch). */
  institutionId: z.optional(id),
  pledge: text('承诺内容', PLEDGE_MIN, PLEDGE_MAX),
  services: z.array(text('服务项目', 2, 30)).check(z.minLength(1, '请至少填写一项服务项目'), z.maxLength(MAX_SERVICES, `服务项目最多 ${MAX_SERVICES} 项`)),
  /** The key the photo upload answered; the object is checked to be an image before it is used. */
  photoKey: z.optional(z.string().check(z.regex(/^pioneer\/[\w-]+\/[\w-]+\.(jpg|png|webp)$/, '照片编号不正确，请重新上传'))),
});
export type SavePostBody = z.infer<typeof savePostBody>;

export const reviewPostBody = z.strictObject({
  approve: z.boolean('请选择通过或退回'),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '退回理由最多 200 个字'))),
  level: z.optional(postLevel),
}).check(z.refine((b) => b.approve || (b.reason?.length ?? 0) >= 2, { message: '退回时请写明理由（至少 2 个字）', path: ['reason'] }));

export const ratePostBody = z.strictObject({
  stars: z.int('请选择 1–5 星').check(z.minimum(1, '请选择 1–5 星'), z.maximum(5, '请选择 1–5 星')),
});

export const postParams = z.strictObject({ postId: id });
export const postListQuery = z.strictObject({ status: z.optional(postStatus) });

/** What anyone may see: no phone, no user id, no status (only approved cards are ever shown). */
export const publicPost = z.object({
  id: z.string(),
  name: z.string(),
  photoUrl: z.nullable(z.string()),
  kind: postKind,
  kindLabel: z.string(),
  level: postLevel,
  levelLabel: z.string(),
  window: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  pledge: z.string(),
  services: z.array(z.string()),
  ratings: z.object({ count: z.number(), average: z.nullable(z.number()) }),
  /** An open campaign of the institution's tree, where a suggestion about this post goes; null when none is open. */
  campaignId: z.nullable(z.string()),
});
export type PublicPost = z.infer<typeof publicPost>;

/** The member's own card and the reviewer's view. */
export const ownPost = z.extend(publicPost, {
  userId: z.string(),
  orgId: z.string(),
  status: postStatus,
  returnReason: z.optional(z.string()),
  submittedAt: isoDateTime,
  reviewedAt: z.optional(isoDateTime),
  reviewedBy: z.optional(z.string()),
});
export type OwnPost = z.infer<typeof ownPost>;

export const myPost = z.object({ post: z.nullable(ownPost) });
export const postList = z.object({ items: z.array(ownPost), nextCursor: z.nullable(z.string()) });
export const publicPostList = z.object({ items: z.array(publicPost), nextCursor: z.nullable(z.string()) });

export const postPhotoBody = z.strictObject({
  contentType: z.string().check(z.maxLength(100)),
  size: z.int('照片大小不正确').check(z.minimum(0), z.maximum(1024 * 1024 * 1024)),
});

const kindCounts = z.record(postKind, z.number());
const levelCounts = z.record(postLevel, z.number());
export const postCounts = z.object({ total: z.number(), pending: z.number(), byKind: kindCounts, byLevel: levelCounts });
export type PostCounts = z.infer<typeof postCounts>;
export const postStats = z.extend(postCounts, {
  orgId: z.string(),
  orgName: z.string(),
  children: z.array(z.extend(postCounts, { id: z.string(), name: z.string(), kind: z.string() })),
});

export function emptyPostCounts(): PostCounts {
  return {
    total: 0, pending: 0,
    byKind: Object.fromEntries(postKinds.map((k) => [k, 0])) as Record<PostKind, number>,
    byLevel: Object.fromEntries(postLevels.map((l) => [l, 0])) as Record<PostLevel, number>,
  };
}

/** Counts of posts at or under each root path: approved posts by kind and level, and those awaiting review. */
export function countPosts(posts: { orgPath: string; status: PostStatus; kind: PostKind; level: PostLevel }[], rootPath: string): PostCounts {
  const out = emptyPostCounts();
  for (const p of posts) {
    if (!p.orgPath.startsWith(rootPath)) continue;
    if (p.status === 'pending') out.pending++;
    if (p.status !== 'approved') continue;
    out.total++;
    out.byKind[p.kind]++;
    out.byLevel[p.level]++;
  }
  return out;
}

export function averageStars(count: number, sum: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}
