import { talksRoutes } from '@kaimen/shared/talks/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(talksRoutes, () => import('./bindings'));
