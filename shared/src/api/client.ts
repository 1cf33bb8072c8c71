import * as z from 'zod/mini';
import { problem as problemSchema, problemOf, problemStatus, problemTitles, type Problem, type ProblemCode, type ProblemFieldError } from '../http/problem';
import type { AnyRoute, InferIn } from './route';

/**
 * The transport-free half of the typed client that the mini-program and the PC console share:
 * input checks with the route's own schemas, URL building, problem+json reading and ApiError.
 * Each app adds only its transport (Taro.request, fetch) and its session storage.
 */

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

export type CallArgs<R extends AnyRoute> = Empty extends CallOptions<R> ? [options?: CallOptions<R>] : [options: CallOptions<R>];

export interface LooseOptions {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  idempotencyKey?: string;
}

/**
 * A failed call. `problem` is the server's problem+json, or one built on the client in the same
 * shape: VALIDATION_FAILED when the input fails the route's schema before anything is sent, and
 * status 0 (`network: true`) when no answer arrived at all.
 */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly network: boolean;

  constructor(problem: Problem, options: { network?: boolean } = {}) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
    this.network = options.network ?? false;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ProblemCode {
    return this.problem.code;
  }

  /** The message for field `path` (e.g. `bindingCode`), if the problem names one. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

/**
 * A readable Chinese message for anything a call may throw. When the server names fields, their
 * messages follow the summary: "提交的内容有误" alone does not tell anyone what to fix.
 */
export function errorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return '出了点问题，请稍后再试';
  const { detail, errors = [] } = err.problem;
  const details = [...new Set(errors.map((e) => e.message))].filter((m) => m && !detail.includes(m));
  return details.length ? `${detail}：${details.join('；')}` : detail;
}

function zodErrors(error: z.core.$ZodError, prefix: string[]): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.') || (prefix[0] ?? ''),
    message: issue.message,
  }));
}

/** Checks one slot with the route's own schema, as the server will; the details match the server's. */
function checkSlot(schema: z.ZodMiniType | undefined, value: unknown, where: 'params' | 'query' | 'body'): void {
  if (!schema) return;
  const detail = { params: '地址中的参数不正确', query: '查询参数不正确', body: '提交的内容有误，请检查后重试' }[where];
  if (where === 'body' && value === undefined) throw new ApiError(problemOf('VALIDATION_FAILED', '缺少请求体'));
  const result = z.safeParse(schema, value ?? {});
  if (!result.success) {
    throw new ApiError(problemOf('VALIDATION_FAILED', detail, zodErrors(result.error, where === 'body' ? [] : [where])));
  }
}

/** Throws the VALIDATION_FAILED ApiError the server would answer, before anything is sent. */
export function checkInput(route: AnyRoute, options: LooseOptions): void {
  checkSlot(route.params, options.params, 'params');
  checkSlot(route.query, options.query, 'query');
  checkSlot(route.body, options.body, 'body');
}

export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}

export function queryString(query: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null) continue;
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The path and query of a call, to be put after the API's base URL. */
export function routeUrl(route: AnyRoute, options: LooseOptions): string {
  return `${fillPath(route.path, options.params)}${queryString(options.query)}`;
}

/** The request headers of a call (the bearer token when there is a session). */
export function requestHeaders(options: LooseOptions, token: string | null): Record<string, string> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;
  return header;
}

function codeForStatus(status: number): ProblemCode {
  const known = (Object.keys(problemStatus) as ProblemCode[]).find((c) => problemStatus[c] === status);
  return known ?? 'INTERNAL';
}

/** The server's problem+json, or one made from the status when the answer is something else. */
export function problemFrom(status: number, data: unknown): Problem {
  const parsed = z.safeParse(problemSchema, data);
  if (parsed.success) return parsed.data;
  const code = codeForStatus(status);
  return { ...problemOf(code, `${problemTitles[code]}（HTTP ${status}）`), status };
}

export const networkProblem: Problem = {
  type: 'https://kaimen.example/problems/network',
  title: '网络连接失败',
  status: 0,
  detail: '无法连接服务器，请检查网络后重试',
  code: 'INTERNAL',
};

/** A fresh key for `idempotencyKey`: make one per user action and reuse it for that action's retries. */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `${Date.now().toString(36)}-${random}`;
}
