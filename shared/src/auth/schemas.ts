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

// ---- QR sign-in for the PC console: the PC shows a one-time ticket, an admin's phone confirms it ----

/** Minutes a sign-in QR stays valid. */
export const PC_LOGIN_MINUTES = 3;
const secret = (what: string) => z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, `${what}格式不正确`));
export const pcLoginParams = z.strictObject({ ticket: secret('二维码') });
export const pcLoginStarted = z.object({
  /** In the QR: whoever scans it may confirm, never receive the session. */
  ticket: z.string(),
  /** Kept by the PC alone: only it may collect the session. */
  pollKey: z.string(),
  expiresAt: z.string(),
});
export const pcLoginPollBody = z.strictObject({ pollKey: secret('轮询凭证') });
export const pcLoginStatus = z.object({
  status: z.enum(['waiting', 'scanned', 'confirmed']),
  expiresAt: z.string(),
  /** Once, with `confirmed`: the PC's session (the ticket is used up). */
  session: z.optional(session),
});
export type PcLoginStatus = z.infer<typeof pcLoginStatus>;
export const pcLoginScanned = z.object({ expiresAt: z.string() });
