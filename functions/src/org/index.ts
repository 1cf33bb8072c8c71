import { orgRoutes } from '@kaimen/shared/org/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(orgRoutes, () => import('./bindings'));
