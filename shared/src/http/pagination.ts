import * as z from 'zod/mini';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** `?limit=&cursor=` of every list (API.md, "Lists"). */
export const listQuery = z.strictObject({
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, '每页条数应为 1–100 的整数')),
      z.transform(Number),
    ).check(z.minimum(1, '每页条数至少为 1'), z.maximum(MAX_LIMIT, `每页条数最多为 ${MAX_LIMIT}`)),
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

export function page<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}
export type Page<T> = { items: T[]; nextCursor: string | null };
