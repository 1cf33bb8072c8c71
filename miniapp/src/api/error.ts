import type { Problem, ProblemCode } from '@kaimen/shared';

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
