import { authRoutes } from '@kaimen/shared/auth/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(authRoutes, () => import('./bindings'));
