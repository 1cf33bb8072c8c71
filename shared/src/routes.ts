import type { AnyRoute } from './api/route';
import { authRoutes } from './auth/routes';
import { checklistRoutes } from './checklist/routes';
import { feedbackRoutes } from './feedback/routes';
import { gamesRoutes } from './games/routes';
import { quizRoutes } from './quiz/routes';
import { metaRoutes } from './meta/routes';
import { studyRoutes } from './study/routes';
import { notifyRoutes } from './notify/routes';
import { orgRoutes } from './org/routes';
import { orglifeRoutes } from './orglife/routes';
import { inspectRoutes } from './inspect/routes';
import { talksRoutes } from './talks/routes';
import { pioneerRoutes } from './pioneer/routes';
import { serviceRoutes } from './service/routes';

/** Every route of the API, grouped by the Lambda function (feature area) that serves it. */
export const routesByFunction = {
  auth: authRoutes,
  checklist: checklistRoutes,
  feedback: feedbackRoutes,
  quiz: quizRoutes,
  meta: metaRoutes,
  study: studyRoutes,
  notify: notifyRoutes,
  games: gamesRoutes,
  org: orgRoutes,
  orglife: orglifeRoutes,
  inspect: inspectRoutes,
  talks: talksRoutes,
  pioneer: pioneerRoutes,
  service: serviceRoutes,
} as const;

export type FunctionName = keyof typeof routesByFunction;

export const routes = { ...authRoutes, ...checklistRoutes, ...feedbackRoutes, ...quizRoutes, ...metaRoutes, ...studyRoutes, ...notifyRoutes, ...gamesRoutes, ...orgRoutes, ...orglifeRoutes, ...inspectRoutes, ...talksRoutes, ...pioneerRoutes, ...serviceRoutes };

export function allRoutes(): { fn: FunctionName; route: AnyRoute }[] {
  return (Object.keys(routesByFunction) as FunctionName[]).flatMap((fn) =>
    Object.values(routesByFunction[fn] as Record<string, AnyRoute>).map((route) => ({ fn, route })),
  );
}
