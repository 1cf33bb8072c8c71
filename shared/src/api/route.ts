import type * as z from 'zod/mini';

export type Role = 'member' | 'secretary' | 'admin';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: `public` (no token), `user` (any signed-in WeChat user, bound or not),
 * or the lowest role that may (member < secretary < admin).
 */
export type Access = 'public' | 'user' | Role;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Schema = z.ZodMiniType;

/** One operation of the HTTP contract: the router, the OpenAPI document and the client are all built from these. */
export interface RouteDef<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Raw (non-JSON) request media types the route accepts instead of `body`, e.g. CSV/XLSX imports. */
  rawBody?: readonly string[];
  response?: R;
  /** Non-JSON answer media type (a workbook, an image). */
  responseMedia?: string;
  status: 200 | 201 | 202 | 204;
  /** The route honours `Idempotency-Key`. */
  idempotent?: boolean;
}

export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

/** The parsed type of an optional schema slot of a route (`undefined` when the route has none). */
export type Infer<S> = [Exclude<S, undefined>] extends [never] ? undefined : z.infer<Exclude<S, undefined>>;
/** What a caller sends for that slot. */
export type InferIn<S> = [Exclude<S, undefined>] extends [never] ? undefined : z.input<Exclude<S, undefined>>;
export type AnyRoute = RouteDef<Schema | undefined, Schema | undefined, Schema | undefined, Schema | undefined>;
