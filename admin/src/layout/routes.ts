import { matchPath } from 'react-router-dom';
import { features } from '../pages';
import type { ConsoleFeature, ConsoleRoute } from '../pages/types';

/** The feature and route a console path belongs to (for the menu and the breadcrumbs). */
export function matchRoute(pathname: string): { feature: ConsoleFeature; route: ConsoleRoute } | null {
  for (const feature of features) {
    for (const route of feature.routes) {
      if (matchPath({ path: `/${route.path}`, end: true }, pathname)) return { feature, route };
    }
  }
  return null;
}
