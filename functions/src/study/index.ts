import { studyRoutes } from '@kaimen/shared/study/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(studyRoutes, () => import('./bindings'));
