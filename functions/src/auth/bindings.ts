import { formatCode, normaliseCode, isWellFormedCode, signInIdentity, type Session, type User } from '@kaimen/shared';
import { authRoutes as routes } from '@kaimen/shared/auth/routes';
import { bind, type Binding } from '../lib/api';
import { config } from '../lib/config';
import { consumeCodeAttempt, consumeRate } from '../lib/rate-limit';
import { conflict, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import { issueToken } from '../lib/tokens';
import { getOrg, subtree } from '../org/store';
import { BINDING_CODE_LENGTH, bindOpenid, getUser, guestFor, issueBindingCode, userByOpenid, type UserRecord } from './store';
import { code2session } from './wechat';
import { confirmTicket, markScanned, pollTicket, startTicket } from './pc-login';

async function publicUser(record: UserRecord): Promise<User> {
  const u = signInIdentity(record);
  const org = u.orgId ? await getOrg(u.orgId) : undefined;
  return { id: u.id, name: u.name, roles: u.roles, orgId: u.orgId, orgName: org?.name ?? null };
}

async function sessionFor(record: UserRecord, openid: string): Promise<Session> {
  const u = signInIdentity(record);
  const { token, expiresAt } = await issueToken({ userId: u.id, name: u.name, roles: u.roles, orgId: u.orgId, orgPath: u.orgPath, openid });
  return { token, expiresAt, user: await publicUser(u) };
}

async function signIn(openid: string, now: Date): Promise<Session> {
  const user = (await userByOpenid(openid)) ?? (await guestFor(openid, now));
  return sessionFor(user, openid);
}

export const bindings: Binding[] = [
  bind(routes.signInWechat, async ({ body, now }) => {
    const { openid } = await code2session(body.code);
    return signIn(openid, now);
  }),

  bind(routes.signInDev, async ({ body, now }) => {
    if (!config().devMode) throw notFound('接口不存在');
    return signIn(body.openid, now);
  }),

  bind(routes.me, async ({ principal }) => {
    const u = await getUser(principal.userId);
    if (!u) throw notFound('用户不存在');
    return publicUser(u);
  }),

  bind(routes.bind, async ({ body, principal, now }) => {
    const code = normaliseCode(body.bindingCode);
    if (!isWellFormedCode(code, BINDING_CODE_LENGTH)) {
      throw validationFailed('绑定码格式不正确', [{ path: 'bindingCode', message: `绑定码为 ${BINDING_CODE_LENGTH} 位字母和数字` }]);
    }
    await consumeCodeAttempt('bind-code', principal.userId, now.getTime());
    const member = await bindOpenid(principal.openid, code, now);
    return sessionFor(member, principal.openid);
  }),

  bind(routes.issueBindingCode, async ({ params, principal, now }) => {
    const member = await getUser(params.memberId);
    if (!member || !member.orgPath) throw notFound('名册中找不到这名党员');
    assertInScope(principal, member.orgPath);
    if (member.active === false) throw conflict('这名人员已办理离开，不能再发放绑定码');
    const { code, expiresAt } = await issueBindingCode(member.id, now);
    return { memberId: member.id, bindingCode: formatCode(code), expiresAt };
  }),

  bind(routes.startPcLogin, async ({ sourceIp, now }) => {
    // A public write: bounded per address (a bureau's clerks may share one).
    await consumeRate('pc-login', `ip:${sourceIp}`, 120, 600, now.getTime(), '二维码刷新过于频繁');
    return startTicket(now);
  }),

  bind(routes.scanPcLogin, async ({ params, now }) => ({ expiresAt: await markScanned(params.ticket, now) })),

  bind(routes.confirmPcLogin, async ({ params, principal, now }) => ({
    expiresAt: await confirmTicket(params.ticket, { userId: principal.userId, openid: principal.openid }, now),
  })),

  bind(routes.pollPcLogin, async ({ params, body, now }) => {
    const polled = await pollTicket(params.ticket, body.pollKey, now);
    if (!polled.user) return { status: polled.status, expiresAt: polled.expiresAt };
    const u = await getUser(polled.user.userId);
    if (!u) throw notFound('用户不存在');
    return { status: 'confirmed' as const, expiresAt: polled.expiresAt, session: await sessionFor(u, polled.user.openid) };
  }),

  bind(routes.orgTree, async ({ principal }) => {
    if (!principal.orgId) return { items: [] };
    const orgs = await subtree(principal.orgId);
    return { items: orgs.filter((o) => o.status !== 'closed').map(({ id, name, kind, parentId, path, bureauLevel, institutionType, partyOrgType }) => ({ id, name, kind, parentId, path, bureauLevel, institutionType, partyOrgType })) };
  }),
];
