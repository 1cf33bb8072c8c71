import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { allRoutes, type FunctionName } from '@kaimen/shared';
import { handlerModules, type LambdaHandler } from '../../functions/src/handlers';

/**
 * A plain HTTP server that turns each request into the API Gateway (HTTP API, payload 2.0) event
 * the deployed functions receive and calls the right function's handler in this process. Tests
 * use it to run many isolated APIs at once; the benchmark compares it with serverless-offline.
 */
const patterns = allRoutes().map(({ fn, route }) => ({
  fn,
  method: route.method,
  regex: new RegExp(`^${route.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}/?$`),
}));

export function functionFor(method: string, path: string): FunctionName | undefined {
  if (method === 'OPTIONS') return patterns.find((p) => p.regex.test(path))?.fn;
  return patterns.find((p) => p.method === method && p.regex.test(path))?.fn;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const textual = /^(application\/(json|problem\+json|x-www-form-urlencoded)|text\/)/i;

export function toEvent(method: string, url: URL, headers: Record<string, string>, body: Buffer, sourceIp: string): APIGatewayProxyEventV2 {
  const isText = textual.test(headers['content-type'] ?? 'application/json');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  return {
    version: '2.0',
    routeKey: `${method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: 'local', apiId: 'local', domainName: url.host, domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(), routeKey: `${method} ${url.pathname}`, stage: '$default',
      time: new Date().toUTCString(), timeEpoch: Date.now(),
    },
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  } as APIGatewayProxyEventV2;
}

export function lambdaContext(fn: string): Context {
  return {
    awsRequestId: randomUUID(), functionName: `kaimen-local-${fn}`, functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:kaimen-local-${fn}`, memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/kaimen-local-${fn}`, logStreamName: 'local', callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000, done: () => {}, fail: () => {}, succeed: () => {},
  };
}

export async function loadHandlers(): Promise<Record<FunctionName, LambdaHandler>> {
  // This server is an offline emulation of the gateway, as serverless-offline is (which sets the same).
  process.env.IS_OFFLINE ??= 'true';
  const entries = await Promise.all(
    (Object.keys(handlerModules) as FunctionName[]).map(async (fn) => [fn, (await handlerModules[fn]()).handler] as const),
  );
  return Object.fromEntries(entries) as Record<FunctionName, LambdaHandler>;
}

export async function startLambdaHttp(port = 0, host = '127.0.0.1'): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const handlers = await loadHandlers();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
      const method = req.method ?? 'GET';
      const fn = functionFor(method, url.pathname);
      if (!fn) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const body = await readBody(req);
      const event = toEvent(method, url, headers, body, req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1');
      const result = await handlers[fn](event, lambdaContext(fn));
      const out = result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
      res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>).end(out);
    } catch (err) {
      res.writeHead(502, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: String(err) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
