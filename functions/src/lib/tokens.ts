import type { Role } from '@kaimen/shared';
import { assertStrongSecret, config } from './config';
import { secret } from './secrets';
import { unauthenticated } from './problem';

/** Who is calling: what the token says, nothing looked up. */
export interface Principal {
  userId: string;
  name: string;
  roles: Role[];
  orgId: string | null;
  /** Materialised path of the user's org (`/gd/gz/`), or null for an unbound WeChat user. */
  orgPath: string | null;
  openid: string;
}

const ISSUER = 'kaimen';

// jose loads with the first token signed or checked: anonymous routes (the public submission) never need it.
const loadJose = () => import('jose');

async function key(): Promise<Uint8Array> {
  const c = config();
  return new TextEncoder().encode(assertStrongSecret(await secret(c.jwtSecret, c.jwtSecretParam, 'JWT secret'), 'JWT secret'));
}

export async function issueToken(p: Principal, now = Date.now()): Promise<{ token: string; expiresAt: string }> {
  const ttl = config().tokenTtlSeconds;
  const exp = Math.floor(now / 1000) + ttl;
  const { SignJWT } = await loadJose();
  const token = await new SignJWT({ name: p.name, roles: p.roles, orgId: p.orgId, orgPath: p.orgPath, openid: p.openid })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(p.userId)
    .setIssuer(ISSUER)
    .setAudience(config().stage)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(exp)
    .sign(await key());
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export async function verifyToken(token: string): Promise<Principal> {
  const { jwtVerify, errors: joseErrors } = await loadJose();
  try {
    const { payload } = await jwtVerify(token, await key(), {
      issuer: ISSUER,
      audience: config().stage,
      algorithms: ['HS256'],
      // A token without an expiry would be valid for ever.
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const roles = Array.isArray(payload.roles) ? (payload.roles as Role[]) : [];
    if (typeof payload.sub !== 'string' || typeof payload.openid !== 'string') throw unauthenticated('登录凭证无效，请重新登录');
    return {
      userId: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : '',
      roles,
      orgId: typeof payload.orgId === 'string' ? payload.orgId : null,
      orgPath: typeof payload.orgPath === 'string' ? payload.orgPath : null,
      openid: payload.openid,
    };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthenticated('登录已过期，请重新登录');
    if (err instanceof joseErrors.JOSEError) throw unauthenticated('登录凭证无效，请重新登录');
    throw err;
  }
}
