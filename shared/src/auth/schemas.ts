import * as z from 'zod/mini';

export const roles = ['member', 'secretary', 'admin'] as const;
export const role = z.enum(roles);

export const user = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(role),
  orgId: z.nullable(z.string()),
  orgName: z.optional(z.nullable(z.string())),
});
export type User = z.infer<typeof user>;

export const session = z.object({ token: z.string(), expiresAt: z.string(), user });
export type Session = z.infer<typeof session>;

export const wechatSignInBody = z.strictObject({
  code: z.string().check(z.minLength(1, '缺少微信登录凭证 code'), z.maxLength(128, '登录凭证过长')),
});

export const devSignInBody = z.strictObject({
  openid: z.string().check(
    z.minLength(1, '请填写 openid'),
    z.maxLength(64, 'openid 过长'),
    z.regex(/^[\w-]+$/, 'openid 只能包含字母、数字、下划线和连字符'),
  ),
});

/** Binding codes are 8 characters of an alphabet without look-alikes; case and dashes do not matter. */
export const bindBody = z.strictObject({
  bindingCode: z.string().check(z.minLength(4, '请填写绑定码'), z.maxLength(32, '绑定码过长')),
});

export const bindingCodeIssued = z.object({
  memberId: z.string(),
  bindingCode: z.string(),
  expiresAt: z.string(),
});
