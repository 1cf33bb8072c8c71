import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(feedbackRoutes, () => import('./bindings'));
