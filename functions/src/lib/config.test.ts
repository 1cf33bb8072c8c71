import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { lambdaContext, toEvent } from '../../../scripts/lib/lambda-http';
import { assertStartable, config, isDevMode, resetConfig } from './config';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetConfig();
  vi.resetModules();
});

function setEnv(env: Record<string, string | undefined>) {
  for (const k of ['STAGE', 'IS_OFFLINE', 'JWT_SECRET', 'JWT_SECRET_PARAM', 'AWS_EXECUTION_ENV']) delete process.env[k];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
  resetConfig();
}

describe('dev mode', () => {
  it('exists only on an explicit local/test stage running offline', () => {
    expect(isDevMode({ STAGE: 'local', IS_OFFLINE: 'true' })).toBe(true);
    expect(isDevMode({ STAGE: 'test', IS_OFFLINE: 'true' })).toBe(true);
    expect(isDevMode({ IS_OFFLINE: 'true' })).toBe(false);
    expect(isDevMode({ STAGE: 'test' })).toBe(false);
    expect(isDevMode({ STAGE: 'local' })).toBe(false);
    expect(isDevMode({ STAGE: 'prod', IS_OFFLINE: 'true' })).toBe(false);
    expect(isDevMode({ STAGE: 'test', IS_OFFLINE: 'true', AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' })).toBe(false);
  });

  it('gives no built-in JWT secret when STAGE is unset or `test` is deployed', () => {
    for (const env of [{}, { STAGE: 'test' }, { STAGE: 'local' }, { STAGE: 'prod', IS_OFFLINE: 'true' }]) {
      setEnv(env);
      expect(config().jwtSecret).toBeUndefined();
      expect(config().devMode).toBe(false);
      expect(() => assertStartable()).toThrow(/JWT secret is not configured/);
    }
  });

  it('refuses a secret shorter than 32 bytes, and accepts a real one or an SSM parameter', () => {
    setEnv({ STAGE: 'prod', JWT_SECRET: 'short-secret' });
    expect(() => assertStartable()).toThrow(/at least 32 bytes/);
    setEnv({ STAGE: 'prod', JWT_SECRET: 'x'.repeat(32) });
    expect(() => assertStartable()).not.toThrow();
    setEnv({ STAGE: 'prod', JWT_SECRET_PARAM: '/kaimen/prod/jwt-secret' });
    expect(() => assertStartable()).not.toThrow();
    setEnv({ STAGE: 'local', IS_OFFLINE: 'true' });
    expect(() => assertStartable()).not.toThrow();
  });
});

describe('a function started outside dev mode', () => {
  it('does not start at all without a secret', async () => {
    setEnv({ STAGE: undefined });
    await expect(import('../auth/index')).rejects.toThrow(/JWT secret is not configured/);
  });

  it('has no dev sign-in on a deployed `test` stage', async () => {
    setEnv({ STAGE: 'test', JWT_SECRET: 'a-real-secret-of-at-least-32-bytes-long' });
    const { handler } = await import('../auth/index');
    const event = toEvent('POST', new URL('http://x/auth/dev'), { 'content-type': 'application/json' }, Buffer.from('{"openid":"dev-admin"}'), '1.2.3.4');
    const res = (await (handler as unknown as (e: APIGatewayProxyEventV2, c: unknown) => Promise<APIGatewayProxyStructuredResultV2>)(event, lambdaContext('auth')));
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body!).code).toBe('NOT_FOUND');
  });
});
