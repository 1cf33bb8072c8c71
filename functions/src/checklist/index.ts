import { checklistRoutes } from '@kaimen/shared/checklist/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(checklistRoutes, () => import('./bindings'));
