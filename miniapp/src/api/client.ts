import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import {
  problem as problemSchema,
  problemOf,
  problemStatus,
  problemTitles,
  type AnyRoute,
  type Infer,
  type InferIn,
  type Problem,
  type ProblemCode,
  type ProblemFieldError,
} from '@kaimen/shared';
import { apiBaseUrl } from './base-url';
import { ApiError } from './error';
import { clearSession, getSession } from './session';

type Empty = Record<never, never>;

/** One input slot of a route: absent when the route has none, optional when every field is. */
type Slot<S, K extends string> = [Exclude<S, undefined>] extends [never]
  ? { [P in K]?: never }
  : Empty extends InferIn<S>
    ? { [P in K]?: InferIn<S> }
    : { [P in K]: InferIn<S> };

export type CallOptions<R extends AnyRoute> = Slot<R['params'], 'params'> &
  Slot<R['query'], 'query'> &
  Slot<R['body'], 'body'> & {
    /** Sent as `Idempotency-Key`; reuse the same key when retrying the same action. */
    idempotencyKey?: string;
  };

type CallArgs<R extends AnyRoute> = Empty extends CallOptions<R> ? [options?: CallOptions<R>] : [options: CallOptions<R>];

interface LooseOptions {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  idempotencyKey?: string;
}

const TIMEOUT_MS = 15_000;

function zodErrors(error: z.core.$ZodError, prefix: string[]): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.') || (prefix[0] ?? ''),
    message: issue.message,
  }));
}

/** Checks one slot with the route's own schema, as the server will; the details match the server's. */
function check(schema: z.ZodMiniType | undefined, value: unknown, where: 'params' | 'query' | 'body'): void {
  if (!schema) return;
  const detail = { params: '地址中的参数不正确', query: '查询参数不正确', body: '提交的内容有误，请检查后重试' }[where];
  if (where === 'body' && value === undefined) throw new ApiError(problemOf('VALIDATION_FAILED', '缺少请求体'));
  const result = z.safeParse(schema, value ?? {});
  if (!result.success) {
    throw new ApiError(problemOf('VALIDATION_FAILED', detail, zodErrors(result.error, where === 'body' ? [] : [where])));
  }
}

function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}

function queryString(query: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null) continue;
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function codeForStatus(status: number): ProblemCode {
  const known = (Object.keys(problemStatus) as ProblemCode[]).find((c) => problemStatus[c] === status);
  return known ?? 'INTERNAL';
}

/** The server's problem+json, or one made from the status when the answer is something else. */
function problemFrom(status: number, data: unknown): Problem {
  const parsed = z.safeParse(problemSchema, data);
  if (parsed.success) return parsed.data;
  const code = codeForStatus(status);
  return { ...problemOf(code, `${problemTitles[code]}（HTTP ${status}）`), status };
}

const networkProblem: Problem = {
  type: 'https://kaimen.example/problems/network',
  title: '网络连接失败',
  status: 0,
  detail: '无法连接服务器，请检查网络后重试',
  code: 'INTERNAL',
};

/**
 * Calls one route of the shared contract. Params, query and body are typed from the route and
 * checked with the route's zod schemas before anything is sent; failures (client-side or the
 * server's problem+json) are thrown as ApiError. An UNAUTHENTICATED answer clears the session.
 */
export async function call<R extends AnyRoute>(route: R, ...args: CallArgs<R>): Promise<Infer<R['response']>> {
  const options = (args[0] ?? {}) as LooseOptions;
  check(route.params, options.params, 'params');
  check(route.query, options.query, 'query');
  check(route.body, options.body, 'body');

  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  const session = getSession();
  if (session) header.Authorization = `Bearer ${session.token}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;

  const url = `${apiBaseUrl()}${fillPath(route.path, options.params)}${queryString(options.query)}`;
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject>;
  try {
    res = await Taro.request<TaroGeneral.IAnyObject>({
      url,
      method: route.method,
      header,
      data: options.body as TaroGeneral.IAnyObject | undefined,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }

  if (res.statusCode >= 200 && res.statusCode < 300) {
    return (res.statusCode === 204 ? undefined : res.data) as Infer<R['response']>;
  }
  const problem = problemFrom(res.statusCode, res.data);
  if (problem.code === 'UNAUTHENTICATED') clearSession();
  throw new ApiError(problem);
}

/** A fresh key for `idempotencyKey`: make one per user action and reuse it for that action's retries. */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `${Date.now().toString(36)}-${random}`;
}
