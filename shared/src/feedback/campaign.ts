import * as z from 'zod/mini';
import { listQuery, page } from '../http/pagination';
import { isoDateTime, id } from '../http/common';

export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export const campaignStatus = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatus>;

export const category = z.object({
  key: z.string().check(z.regex(/^[a-z0-9_]{1,40}$/, '类别标识只能包含小写字母、数字和下划线')),
  label: z.string().check(z.minLength(1, '类别名称不能为空'), z.maxLength(20, '类别名称最多 20 个字')),
});
export type Category = z.infer<typeof category>;

export const campaign = z.object({
  id,
  title: z.string(),
  description: z.string(),
  categories: z.array(category),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  status: campaignStatus,
  orgId: z.string(),
  orgName: z.optional(z.string()),
  /** 举报方式: where the public reports problems with the remediation. */
  reportChannel: z.optional(z.string()),
  createdAt: isoDateTime,
});
export type Campaign = z.infer<typeof campaign>;

export { campaignParams } from './params';

export const campaignListQuery = z.extend(listQuery, {
  status: z.optional(z.enum(['open', 'closed'])),
});

export const campaignPage = page(campaign);

/** A campaign is open to suggestions when it is published as open and now lies inside its dates. */
export function effectiveStatus(c: Pick<Campaign, 'status' | 'opensAt' | 'closesAt'>, now: Date): CampaignStatus {
  if (c.status !== 'open') return c.status;
  const t = now.toISOString();
  if (t < c.opensAt) return 'draft';
  if (t >= c.closesAt) return 'closed';
  return 'open';
}

const title = z.string().check(z.trim(), z.minLength(2, '标题至少 2 个字'), z.maxLength(60, '标题最多 60 个字'));
const description = z.string().check(z.maxLength(4000, '说明最多 4000 个字'));
const categories = z.array(category).check(
  z.minLength(1, '至少设置一个类别'),
  z.maxLength(30, '类别最多 30 个'),
  z.refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, '类别标识不能重复'),
);
const reportChannel = z.string().check(z.maxLength(300, '举报方式最多 300 个字'));

/** POST /admin/campaigns. Without `categories` the twelve defaults apply. */
export const createCampaignBody = z.strictObject({
  title,
  description,
  categories: z.optional(categories),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  orgId: id,
  reportChannel: z.optional(reportChannel),
  status: z.optional(z.enum(['draft', 'open'])),
}).check(z.refine((b) => b.opensAt < b.closesAt, { message: '结束时间应晚于开始时间', path: ['closesAt'] }));

export const updateCampaignBody = z.strictObject({
  title: z.optional(title),
  description: z.optional(description),
  categories: z.optional(categories),
  opensAt: z.optional(isoDateTime),
  closesAt: z.optional(isoDateTime),
  reportChannel: z.optional(reportChannel),
  status: z.optional(campaignStatus),
});

export const adminCampaignListQuery = z.extend(listQuery, {});

/** Units the public may name as the one their suggestion is about (被反映单位). */
export const unitList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), parentName: z.nullable(z.string()) })),
});
