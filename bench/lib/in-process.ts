import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local';
import { freePort } from '../../scripts/lib/ports';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  json: any;
}

/**
 * DynamoDB Local in memory with the demo data, and the real function handlers called in this
 * process (no HTTP): what a benchmark of our own code, without the gateway, measures.
 */
export async function startInProcess(env: Record<string, string> = {}) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoLocal(await freePort(), null);
  const tableName = 'kaimen-bench';
  await ensureTable(dynamo.endpoint, tableName);
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', IS_OFFLINE: 'true', LOG_LEVEL: 'ERROR',
    JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789', AWS_REGION: 'cn-northwest-1', ...env,
  });
  const { seedDemo } = await import('../../scripts/seed/index');
  await seedDemo();
  const { functionFor, toEvent, lambdaContext } = await import('../../scripts/lib/lambda-http');
  const { handlerModules } = await import('../../functions/src/handlers');

  async function call(method: string, path: string, init: { token?: string; body?: unknown; raw?: { type: string; bytes: Buffer }; headers?: Record<string, string>; ip?: string } = {}): Promise<Answer> {
    const url = new URL(`http://127.0.0.1${path}`);
    const fn = functionFor(method, url.pathname);
    if (!fn) throw new Error(`no function for ${method} ${path}`);
    const headers: Record<string, string> = { 'user-agent': 'bench', ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: Buffer = Buffer.alloc(0);
    if (init.raw) { headers['content-type'] = init.raw.type; body = init.raw.bytes; }
    else if (init.body !== undefined) { headers['content-type'] = 'application/json'; body = Buffer.from(JSON.stringify(init.body)); }
    const { handler } = await handlerModules[fn]();
    const res = (await handler(toEvent(method, url, headers, body, init.ip ?? '127.0.0.1'), lambdaContext(fn))) as APIGatewayProxyStructuredResultV2;
    const text = res.isBase64Encoded ? '' : String(res.body ?? '');
    let json: unknown;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: res.statusCode ?? 200, headers: (res.headers ?? {}) as Record<string, string>, json };
  }

  return {
    endpoint: dynamo.endpoint,
    tableName,
    call,
    async token(openid: string) {
      const res = await call('POST', '/auth/dev', { body: { openid } });
      if (res.status !== 200) throw new Error(`sign-in of ${openid}: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.token as string;
    },
    stop: () => dynamo.stop(),
  };
}

/** Every DynamoDB request the functions' client sends, in order: its command and input. */
export interface Sent { command: string; input: any }

export async function recordRequests() {
  const { db } = await import('../../functions/src/lib/db');
  let log: Sent[] | null = null;
  db().onRequest(({ operation, input }) => log?.push({ command: operation, input: structuredClone(input) }));
  return async function during<T>(work: () => Promise<T>): Promise<{ result: T; sent: Sent[] }> {
    log = [];
    try {
      const result = await work();
      return { result, sent: log };
    } finally {
      log = null;
    }
  };
}
