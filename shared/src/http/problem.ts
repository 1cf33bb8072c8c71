import * as z from 'zod/mini';

/** Error codes of the contract (API.md, "Conventions") and the HTTP status each one carries. */
export const problemStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** A dependency the service needs (e.g. WeChat sign-in) is not configured or not reachable. */
  UNAVAILABLE: 503,
} as const;

export type ProblemCode = keyof typeof problemStatus;

export const problemTitles: Record<ProblemCode, string> = {
  VALIDATION_FAILED: '请求内容有误',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限',
  NOT_FOUND: '未找到',
  CONFLICT: '操作冲突',
  PAYLOAD_TOO_LARGE: '内容过大',
  RATE_LIMITED: '操作过于频繁',
  INTERNAL: '服务器开小差了',
  UNAVAILABLE: '服务暂不可用',
};

export const problemFieldError = z.object({ path: z.string(), message: z.string(), row: z.optional(z.number()) });
export type ProblemFieldError = z.infer<typeof problemFieldError>;

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.enum(Object.keys(problemStatus) as [ProblemCode, ...ProblemCode[]]),
  errors: z.optional(z.array(problemFieldError)),
});
export type Problem = z.infer<typeof problem>;

export function problemOf(code: ProblemCode, detail: string, errors?: ProblemFieldError[]): Problem {
  return {
    type: `https://kaimen.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: problemTitles[code],
    status: problemStatus[code],
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
