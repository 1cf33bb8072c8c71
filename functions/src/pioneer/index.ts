import { pioneerRoutes } from '@kaimen/shared/pioneer/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(pioneerRoutes, () => import('./bindings'));
