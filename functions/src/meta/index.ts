import { metaRoutes } from '@kaimen/shared/meta/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(metaRoutes, () => import('./bindings'));
