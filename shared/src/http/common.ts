import * as z from 'zod/mini';

/** Ids: 2–40 characters of [0-9A-Za-z_-] (ULIDs for records, short slugs for seeded orgs). */
export const id = z.string().check(z.regex(/^[\w-]{2,40}$/, '编号格式不正确'));

export const isoDateTime = z.iso.datetime({ offset: false, message: '时间格式应为 ISO-8601（UTC）' });

export const health = z.object({ ok: z.boolean(), stage: z.string(), time: isoDateTime });
