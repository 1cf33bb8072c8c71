import { serviceRoutes } from '@kaimen/shared/service/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(serviceRoutes, () => import('./bindings'));
