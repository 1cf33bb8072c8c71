import { routes, formatCode, normaliseCode, isWellFormedCode, type Session, type User } from '@kaimen/shared';
import { bind, createFunction } from '../lib/api';
import { isDevStage, config } from '../lib/config';
import { notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import { issueToken } from '../lib/tokens';
import { getOrg, subtree } from '../org/store';
import { BINDING_CODE_LENGTH, bindOpenid, getUser, guestFor, issueBindingCode, userByOpenid, type UserRecord } from './store';
import { code2session } from './wechat';

async function publicUser(u: UserRecord): Promise<User> {
  const org = u.orgId ? await getOrg(u.orgId) : undefined;
  return { id: u.id, name: u.name, roles: u.roles, orgId: u.orgId, orgName: org?.name ?? null };
}

async function sessionFor(u: UserRecord, openid: string): Promise<Session> {
  const { token, expiresAt } = await issueToken({ userId: u.id, name: u.name, roles: u.roles, orgId: u.orgId, orgPath: u.orgPath, openid });
  return { token, expiresAt, user: await publicUser(u) };
}

async function signIn(openid: string, now: Date): Promise<Session> {
  const user = (await userByOpenid(openid)) ?? (await guestFor(openid, now));
  return sessionFor(user, openid);
}

export const handler = createFunction([
  bind(routes.signInWechat, async ({ body, now }) => {
    const { openid } = await code2session(body.code);
    return signIn(openid, now);
  }),

  bind(routes.signInDev, async ({ body, now }) => {
    if (!isDevStage(config().stage)) throw notFound('接口不存在');
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
    const member = await bindOpenid(principal.openid, code, now);
    return sessionFor(member, principal.openid);
  }),

  bind(routes.issueBindingCode, async ({ params, principal, now }) => {
    const member = await getUser(params.memberId);
    if (!member || !member.orgPath) throw notFound('名册中找不到这名党员');
    assertInScope(principal, member.orgPath);
    const { code, expiresAt } = await issueBindingCode(member.id, now);
    return { memberId: member.id, bindingCode: formatCode(code), expiresAt };
  }),

  bind(routes.orgTree, async ({ principal }) => {
    if (!principal.orgId) return { items: [] };
    const orgs = await subtree(principal.orgId);
    return { items: orgs.map(({ id, name, kind, parentId, path }) => ({ id, name, kind, parentId, path })) };
  }),
]);
