import { problemOf, type Problem, type ProblemCode, type ProblemFieldError } from '@kaimen/shared';

/** An error that leaves the server as a problem+json answer. Anything else becomes a bare 500. */
export class HttpProblem extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, detail: string, errors?: ProblemFieldError[], headers: Record<string, string> = {}) {
    super(detail);
    this.problem = problemOf(code, detail, errors);
    this.headers = headers;
  }
}

export const validationFailed = (detail: string, errors?: ProblemFieldError[]) =>
  new HttpProblem('VALIDATION_FAILED', detail, errors);
export const unauthenticated = (detail = '请先登录后再操作') => new HttpProblem('UNAUTHENTICATED', detail);
export const forbidden = (detail = '您没有权限进行此操作') => new HttpProblem('FORBIDDEN', detail);
export const notFound = (detail = '您要找的内容不存在') => new HttpProblem('NOT_FOUND', detail);
export const conflict = (detail: string) => new HttpProblem('CONFLICT', detail);
/** When to try again, in words for the person in front of the screen. */
export function retryWords(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.ceil(seconds))} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

export const rateLimited = (retryAfterSeconds: number, what = '操作过于频繁') =>
  new HttpProblem('RATE_LIMITED', `${what}，请在 ${retryWords(retryAfterSeconds)}后再试`, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
export const unavailable = (detail: string) => new HttpProblem('UNAVAILABLE', detail);
