import { notifyRoutes } from '@kaimen/shared/notify/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(notifyRoutes, () => import('./bindings'));
