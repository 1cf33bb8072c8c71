import { gamesRoutes } from '@kaimen/shared/games/routes';
import { createFunction } from '../lib/api';

export const handler = createFunction(gamesRoutes, () => import('./bindings'));
