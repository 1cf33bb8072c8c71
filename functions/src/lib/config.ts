/** Everything a function reads from its environment, read once per process. */
export interface Config {
  stage: string;
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
  rateLimits: { suggestionsPerWindow: number; windowSeconds: number };
}

const devStages = new Set(['local', 'test']);

export function isDevStage(stage: string): boolean {
  return devStages.has(stage);
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
  const stage = env.STAGE ?? 'local';
  cached = {
    stage,
    region: env.AWS_REGION ?? 'cn-north-1',
    tableName: env.TABLE_NAME ?? `kaimen-${stage}`,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '*').split(',').map((s) => s.trim()).filter(Boolean),
    maxBodyBytes: int('MAX_BODY_BYTES', 1_048_576),
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 7200),
    jwtSecret: env.JWT_SECRET || (isDevStage(stage) ? 'kaimen-local-development-secret-not-for-production' : undefined),
    jwtSecretParam: env.JWT_SECRET_PARAM || undefined,
    wechatApiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
    wechatAppId: env.WECHAT_APP_ID || undefined,
    wechatAppIdParam: env.WECHAT_APP_ID_PARAM || undefined,
    wechatSecret: env.WECHAT_APP_SECRET || undefined,
    wechatSecretParam: env.WECHAT_APP_SECRET_PARAM || undefined,
    rateLimits: {
      suggestionsPerWindow: int('RATE_SUGGESTIONS_PER_WINDOW', 10),
      windowSeconds: int('RATE_WINDOW_SECONDS', 600),
    },
  };
  return cached;
}
