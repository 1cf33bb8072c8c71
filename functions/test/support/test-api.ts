import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../../scripts/lib/dynamo-local';
import { startLambdaHttp } from '../../../scripts/lib/lambda-http';
import { copyTable } from './seed-template';

export interface TestApi {
  url: string;
  tableName: string;
  endpoint: string;
  close(): Promise<void>;
  /** Signs in through POST /auth/dev and returns the bearer token. */
  token(openid: string): Promise<string>;
  request(method: string, path: string, init?: { body?: unknown; rawBody?: string | Buffer; token?: string; headers?: Record<string, string> }): Promise<ApiResponse>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

export const TEST_JWT_SECRET = 'integration-test-secret-0123456789abcdef';

/**
 * An isolated API for one test file: its own table in the run's DynamoDB Local (seeded with the
 * demo data unless told not to) and the real function handlers behind a real HTTP server.
 */
export async function startTestApi(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApi> {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `t-${randomBytes(6).toString('hex')}`;
  Object.assign(process.env, {
    STAGE: 'test',
    // The handlers run offline here, as under serverless-offline (which sets the same).
    IS_OFFLINE: 'true',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    JWT_SECRET: TEST_JWT_SECRET,
    AWS_REGION: 'cn-northwest-1',
    LOG_LEVEL: 'ERROR',
    RATE_SUGGESTIONS_PER_WINDOW: '1000',
    S3_ENDPOINT: inject('s3Endpoint'),
    PHOTO_BUCKET: inject('photoBucket'),
    ...opts.env,
  });
  await ensureTable(endpoint, tableName);
  if (opts.seed !== false) await copyTable(endpoint, inject('seedTemplate'), tableName);
  const server = await startLambdaHttp();

  const request: TestApi['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | Buffer | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };

  return {
    url: server.url,
    tableName,
    endpoint,
    close: server.close,
    request,
    async token(openid) {
      const res = await request('POST', '/auth/dev', { body: { openid } });
      if (res.status !== 200) throw new Error(`sign-in of ${openid} failed: ${res.status} ${res.text}`);
      return res.json.token as string;
    },
  };
}

/** Asserts the contract's problem+json shape and returns the problem. */
export function expectProblem(res: ApiResponse, status: number, code: string) {
  if (res.status !== status || !res.headers.get('content-type')?.startsWith('application/problem+json') || res.json?.code !== code) {
    throw new Error(`expected ${status} ${code} problem+json, got ${res.status} ${res.headers.get('content-type')} ${res.text}`);
  }
  for (const k of ['type', 'title', 'status', 'detail', 'code']) if (!(k in res.json)) throw new Error(`problem lacks ${k}`);
  if (/at \w+ \(|node_modules|\.ts:\d+/.test(res.text)) throw new Error(`problem leaks internals: ${res.text}`);
  return res.json as { type: string; title: string; status: number; detail: string; code: string; errors?: { path: string; message: string; row?: number }[] };
}
