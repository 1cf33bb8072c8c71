import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(quizRoutes, () => import('./bindings'));
