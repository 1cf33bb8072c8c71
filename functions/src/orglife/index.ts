import { orglifeRoutes } from '@kaimen/shared/orglife/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(orglifeRoutes, () => import('./bindings'));
