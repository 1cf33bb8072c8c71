import { inspectRoutes } from '@kaimen/shared/inspect/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(inspectRoutes, () => import('./bindings'));
