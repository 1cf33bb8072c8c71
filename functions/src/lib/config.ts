/** Everything a function reads from its environment, read once per process. */
export interface Config {
  stage: string;
  /** See isDevMode. */
  devMode: boolean;
  region: string;
  tableName: string;
  /** DynamoDB Local's URL on the local and test stages; unset in AWS. */
  dynamoEndpoint?: string;
  corsOrigins: string[];
  maxBodyBytes: number;
  tokenTtlSeconds: number;
  /** The JWT secret itself (local/test) or the SSM parameter holding it (deployed stages). */
  jwtSecret?: string;
  jwtSecretParam?: string;
  wechatApiBase: string;
  wechatAppId?: string;
  wechatAppIdParam?: string;
  wechatSecret?: string;
  wechatSecretParam?: string;
  /** Suggestions per window per signed-in user (or guest), and the separate per-IP ceiling for anonymous ones. */
  rateLimits: { suggestionsPerWindow: number; anonymousPerIpWindow: number; windowSeconds: number };
  /** Wrong binding / check-in codes one user may try per window before being made to wait. */
  codeAttempts: { perWindow: number; windowSeconds: number };
}

const devStages = new Set(['local', 'test']);

/** The least a JWT secret may be (README: 32+ random bytes). */
export const MIN_SECRET_BYTES = 32;

/**
 * Dev sign-in and the built-in dev secret exist only when the stage is explicitly `local` or `test`
 * *and* the process runs offline (serverless-offline or the test harness set `IS_OFFLINE`). A
 * deployment with STAGE unset, misspelt or named `test` is not dev mode.
 */
export function isDevMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return devStages.has(env.STAGE ?? '') && env.IS_OFFLINE === 'true' && !env.AWS_EXECUTION_ENV;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const env = process.env;
  const stage = env.STAGE || 'unset';
  const dev = isDevMode(env);
  cached = {
    devMode: dev,
    stage,
    region: env.AWS_REGION ?? 'cn-north-1',
    tableName: env.TABLE_NAME ?? `kaimen-${stage}`,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '*').split(',').map((s) => s.trim()).filter(Boolean),
    maxBodyBytes: int('MAX_BODY_BYTES', 1_048_576),
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 7200),
    jwtSecret: env.JWT_SECRET || (dev ? 'kaimen-local-development-secret-not-for-production' : undefined),
    jwtSecretParam: env.JWT_SECRET_PARAM || undefined,
    wechatApiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
    wechatAppId: env.WECHAT_APP_ID || undefined,
    wechatAppIdParam: env.WECHAT_APP_ID_PARAM || undefined,
    wechatSecret: env.WECHAT_APP_SECRET || undefined,
    wechatSecretParam: env.WECHAT_APP_SECRET_PARAM || undefined,
    rateLimits: {
      suggestionsPerWindow: int('RATE_SUGGESTIONS_PER_WINDOW', 10),
      anonymousPerIpWindow: int('RATE_ANON_SUGGESTIONS_PER_IP', 6 * int('RATE_SUGGESTIONS_PER_WINDOW', 10)),
      windowSeconds: int('RATE_WINDOW_SECONDS', 600),
    },
    codeAttempts: { perWindow: int('RATE_CODE_ATTEMPTS_PER_WINDOW', 10), windowSeconds: int('RATE_CODE_WINDOW_SECONDS', 900) },
  };
  return cached;
}

/** A secret too short to sign tokens with is refused wherever it comes from. */
export function assertStrongSecret(value: string, what: string): string {
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) throw new Error(`${what} must be at least ${MIN_SECRET_BYTES} bytes`);
  return value;
}

/**
 * Checked when a function starts (cold start): outside dev mode it refuses to run without a real JWT
 * secret, given directly (≥ 32 bytes) or by the name of its SSM parameter (checked when fetched).
 */
export function assertStartable(c: Config = config()): void {
  if (c.jwtSecret) assertStrongSecret(c.jwtSecret, 'JWT_SECRET');
  else if (!c.jwtSecretParam) throw new Error('JWT secret is not configured: set JWT_SECRET_PARAM (an SSM SecureString) or JWT_SECRET');
}

/** Forgets the cached configuration (tests that change the environment). */
export function resetConfig(): void {
  cached = undefined;
}
