import type { AnyRoute } from './api/route';
import { authRoutes } from './auth/routes';
import { feedbackRoutes } from './feedback/routes';
import { metaRoutes } from './meta/routes';

/** Every route of the API, grouped by the Lambda function (feature area) that serves it. */
export const routesByFunction = {
  auth: authRoutes,
  feedback: feedbackRoutes,
  meta: metaRoutes,
} as const;

export type FunctionName = keyof typeof routesByFunction;

export const routes = { ...authRoutes, ...feedbackRoutes, ...metaRoutes };

export function allRoutes(): { fn: FunctionName; route: AnyRoute }[] {
  return (Object.keys(routesByFunction) as FunctionName[]).flatMap((fn) =>
    Object.values(routesByFunction[fn] as Record<string, AnyRoute>).map((route) => ({ fn, route })),
  );
}
