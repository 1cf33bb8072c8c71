import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { allows, XLSX_MEDIA_TYPE, type AnyRoute, type Infer, type ProblemFieldError } from '@kaimen/shared';
import { assertStartable, config } from './config';
import { logger } from './logger';
import { HttpProblem, conflict, forbidden, notFound, unauthenticated, validationFailed } from './problem';
import { verifyToken, type Principal } from './tokens';
import { beginIdempotent, completeIdempotent, fingerprint, IdempotencyKeyTaken, releaseIdempotent, TransactionalClaim, type StoredResponse } from './idempotency';
import '@kaimen/shared/zod-locale';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

export interface Request<R extends AnyRoute> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  /** For routes that take a file (CSV, XLSX) instead of JSON. */
  raw: { contentType: string; bytes: Buffer } | null;
  principal: R['access'] extends 'public' ? Principal | null : Principal;
  headers: Record<string, string>;
  sourceIp: string;
  userAgent: string;
  requestId: string;
  now: Date;
  /**
   * Only for a route bound with `{ idempotency: 'in-transaction' }`: its Idempotency-Key, whose
   * answer the store writes in the same transaction as the effect (null without a key).
   */
  idempotency: TransactionalClaim | null;
}

export interface BindOptions {
  /**
   * 'around' (the default): the key is claimed before the handler runs and answered after it (two
   * more requests). 'in-transaction': the handler's store writes the answer with its own transaction.
   */
  idempotency?: 'around' | 'in-transaction';
}

/** What a handler may answer besides its plain JSON body. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A non-JSON answer (a workbook, an image). */
export class FileReply {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
    readonly filename?: string,
  ) {}
}

type Answer<R extends AnyRoute> = Infer<R['response']> | Reply | FileReply;
export type RouteHandler<R extends AnyRoute> = (req: Request<R>) => Promise<Answer<R>>;
export interface Binding {
  route: AnyRoute;
  handler: (event: Event, context: Context) => Promise<Result>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function zodErrors(error: z.core.$ZodError, prefix: string[] = []): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.') || (prefix[0] ?? ''),
    message: issue.message,
  }));
}

function parseWith<S extends z.ZodMiniType | undefined>(schema: S, value: unknown, where: string, detail: string): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationFailed(detail, zodErrors(result.error, where === 'body' ? [] : [where]));
  return result.data as Infer<S>;
}

function lowerHeaders(h: Event['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

function bodyBytes(event: Event): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/**
 * The media type of an uploaded file. `application/octet-stream` is accepted wherever a route takes
 * XLSX and told apart by content (a zip is a workbook, anything else CSV): it is the one type every
 * gateway passes through as binary (serverless-offline turns any other non-text type into UTF-8 text
 * and breaks the workbook), so clients send workbooks as it.
 */
function rawMediaType(accepted: readonly string[], media: string, bytes: Buffer): string {
  if (media !== 'application/octet-stream' || !accepted.includes(XLSX_MEDIA_TYPE)) return media;
  if (looksLikeZip(bytes)) return XLSX_MEDIA_TYPE;
  return accepted.includes('text/csv') ? 'text/csv' : media;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const looksLikeZip = (bytes: Buffer) => bytes.length >= 4 && bytes.subarray(0, 4).equals(ZIP_MAGIC);

function readJson(bytes: Buffer, contentType: string): unknown {
  if (bytes.length === 0) return undefined;
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw validationFailed('请以 JSON 格式提交（Content-Type: application/json）');
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw validationFailed('请求体不是合法的 JSON');
  }
}

async function authenticate(headers: Record<string, string>, route: AnyRoute): Promise<Principal | null> {
  const auth = headers.authorization;
  if (!auth) {
    if (route.access === 'public') return null;
    throw unauthenticated();
  }
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m) {
    if (route.access === 'public') return null;
    throw unauthenticated('登录凭证格式不正确');
  }
  try {
    return await verifyToken(m[1]!);
  } catch (err) {
    // A stale token must not stop the public from using public pages.
    if (route.access === 'public' && err instanceof HttpProblem) return null;
    throw err;
  }
}

function toResult(status: number, body: unknown, headers: Record<string, string> = {}): Result {
  if (status === 204) return { statusCode: 204, headers, body: '' };
  return { statusCode: status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function answerToResult(route: AnyRoute, answer: unknown): Result {
  if (answer instanceof FileReply) {
    const headers: Record<string, string> = { 'Content-Type': answer.contentType };
    if (answer.filename) {
      headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(answer.filename)}`;
    }
    return { statusCode: 200, headers, body: answer.bytes.toString('base64'), isBase64Encoded: true };
  }
  if (answer instanceof Reply) return toResult(answer.status, answer.body, answer.headers);
  return toResult(route.status, answer);
}

function replayed(response: StoredResponse): Result {
  return { ...response, headers: { ...response.headers, 'Idempotent-Replayed': 'true' } };
}

/** Binds a handler to its route: parse → authorise → (idempotency) → handle → answer. */
export function bind<R extends AnyRoute>(route: R, handle: RouteHandler<R>, options: BindOptions = {}): Binding {
  const handler = async (event: Event, context: Context): Promise<Result> => {
    const headers = lowerHeaders(event.headers);
    const contentType = headers['content-type'] ?? '';
    const bytes = bodyBytes(event);

    const principal = await authenticate(headers, route);
    if (!allows(route.access, principal?.roles ?? [], principal !== null)) {
      throw principal?.roles.length ? forbidden() : forbidden('请先绑定党员身份后再使用此功能');
    }

    const params = parseWith(route.params, event.pathParameters ?? {}, 'params', '地址中的参数不正确');
    const query = parseWith(route.query, event.queryStringParameters ?? {}, 'query', '查询参数不正确');
    let body: unknown;
    let raw: Request<R>['raw'] = null;
    if (route.rawBody) {
      const media = rawMediaType(route.rawBody, contentType.split(';')[0]!.trim().toLowerCase(), bytes);
      if (!route.rawBody.includes(media)) {
        throw validationFailed(`请上传以下格式之一：${route.rawBody.join('、')}`);
      }
      if (bytes.length === 0) throw validationFailed('上传的文件是空的');
      raw = { contentType: media, bytes };
    } else if (route.body) {
      const json = readJson(bytes, contentType);
      if (json === undefined) throw validationFailed('缺少请求体');
      body = parseWith(route.body, json, 'body', '提交的内容有误，请检查后重试');
    }

    const req = {
      params, query, body, raw, principal, headers,
      sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
      userAgent: headers['user-agent'] ?? '',
      requestId: context.awsRequestId ?? event.requestContext?.requestId ?? '',
      now: new Date(),
      idempotency: null,
    } as Request<R>;

    const idemKey = route.idempotent ? headers['idempotency-key'] : undefined;
    if (!idemKey) return answerToResult(route, await handle(req));

    // Anonymous callers get a scope per client (address and browser), never one shared by everybody.
    const scope = `${route.id}#${principal?.userId ?? `anon:${fingerprint([req.sourceIp, req.userAgent])}`}`;
    const requestHash = fingerprint([event.rawPath ?? '', bytes.toString('base64')]);
    if (options.idempotency === 'in-transaction') {
      const claim = new TransactionalClaim(scope, idemKey, requestHash, (answer) => answerToResult(route, answer) as StoredResponse);
      req.idempotency = claim;
      let answer: Answer<R>;
      try {
        answer = await handle(req);
      } catch (err) {
        // A retry after the first answer (or racing it) may fail a check the first one passed: it gets that answer.
        if (!(err instanceof HttpProblem || err instanceof IdempotencyKeyTaken)) throw err;
        const earlier = await claim.earlier();
        if (earlier) return replayed(earlier);
        throw err instanceof IdempotencyKeyTaken ? conflict('同一请求正在处理中，请稍后重试') : err;
      }
      await claim.settle(answer);
      return answerToResult(route, answer);
    }
    const start = await beginIdempotent(scope, idemKey, requestHash);
    if (start.kind === 'replay') return replayed(start.response);
    let result: Result;
    try {
      result = answerToResult(route, await handle(req));
    } catch (err) {
      await releaseIdempotent(start.key).catch((e: unknown) => logger.error('idempotency release failed', { error: e as Error }));
      throw err;
    }
    await completeIdempotent(start.key, result as StoredResponse);
    return result;
  };
  return { route, handler };
}

function corsHeaders(event: Event): Record<string, string> {
  const origins = config().corsOrigins;
  const origin = lowerHeaders(event.headers).origin;
  if (origins.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  if (origin && origins.includes(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return {};
}

function problemResult(err: unknown): Result {
  if (err instanceof HttpProblem) {
    return { statusCode: err.problem.status, headers: { 'Content-Type': PROBLEM_TYPE, ...err.headers }, body: JSON.stringify(err.problem) };
  }
  const internal = new HttpProblem('INTERNAL', '服务器暂时无法处理您的请求，请稍后再试');
  return { statusCode: 500, headers: { 'Content-Type': PROBLEM_TYPE }, body: JSON.stringify(internal.problem) };
}

/** Size limit, CORS, request log and problem+json errors: the plumbing every function shares. */
function httpPlumbing(): middy.MiddlewareObj<Event, Result> {
  const started = new WeakMap<object, number>();
  const finish = (request: middy.Request<Event, Result>, response: Result) => {
    const event = request.event;
    request.response = { ...response, headers: { ...response.headers, ...corsHeaders(event) } };
    const ms = Date.now() - (started.get(request) ?? Date.now());
    const status = request.response.statusCode ?? 200;
    const line = { method: event.requestContext?.http?.method, path: event.rawPath, status, ms };
    if (status >= 500) logger.error('request failed', { ...line, error: request.error ?? undefined });
    else logger.info('request', line);
  };
  return {
    before: (request) => {
      started.set(request, Date.now());
      const event = request.event;
      if (event.requestContext?.http?.method === 'OPTIONS') {
        const headers = {
          ...corsHeaders(event),
          'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type,Authorization,Idempotency-Key',
          'Access-Control-Max-Age': '600',
        };
        return { statusCode: 204, headers, body: '' };
      }
      const size = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : 0;
      const max = config().maxBodyBytes;
      if (size > max) {
        throw new HttpProblem('PAYLOAD_TOO_LARGE', `提交的内容过大，最多 ${Math.floor(max / 1024)} KB`);
      }
      return undefined;
    },
    after: (request) => finish(request, request.response ?? toResult(204, null)),
    onError: (request) => finish(request, problemResult(request.error)),
  };
}

/** A feature area's handlers, bound to its routes (each area's `bindings.ts`). */
export type BindingsModule = () => Promise<{ bindings: Binding[] }>;

/** The area's handlers by route id, after checking they serve exactly the area's route table. */
function handlersByRoute(routes: Record<string, AnyRoute>, bindings: Binding[]): Map<string, Binding['handler']> {
  const byId = new Map(bindings.map((b) => [b.route.id, b.handler]));
  const expected = Object.values(routes).map((r) => r.id);
  const missing = expected.filter((id) => !byId.has(id));
  const extra = [...byId.keys()].filter((id) => !expected.includes(id));
  if (missing.length || extra.length || byId.size !== bindings.length) {
    throw new Error(`bindings do not match the route table: missing ${missing.join(', ') || '-'}, extra ${extra.join(', ') || '-'}`);
  }
  return byId;
}

/**
 * One Lambda function serving a feature area's routes. Its handlers load at the first request, so
 * a cold start compiles the plumbing and the route table only; the first request loads the rest.
 */
export function createFunction(routes: Record<string, AnyRoute>, load: BindingsModule) {
  assertStartable();
  let handlers: Promise<Map<string, Binding['handler']>> | undefined;
  const loadHandlers = () => (handlers ??= load().then(
    ({ bindings }) => handlersByRoute(routes, bindings),
    (err: unknown) => {
      handlers = undefined; // a failed load is retried by the next request
      throw err;
    },
  ));
  const router = httpRouterHandler<Event, Result>({
    routes: Object.values(routes).map((route) => ({
      method: route.method,
      path: route.path,
      handler: async (event: Event, context: Context) => (await loadHandlers()).get(route.id)!(event, context),
    })),
    notFoundResponse: () => {
      throw notFound('接口不存在');
    },
  });
  return middy<Event, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpPlumbing())
    .handler(router);
}
