import { metaRoutes as routes } from '@kaimen/shared/meta/routes';
import { bind, type Binding } from '../lib/api';
import { config } from '../lib/config';
import type { openApiDocument } from './openapi';

// Built at the first request for it, from every route of the registry: loading all schemas is no
// part of this function's cold start (its bundle keeps them in a chunk of their own).
let document: ReturnType<typeof openApiDocument> | undefined;

export const bindings: Binding[] = [
  bind(routes.openapi, async () => (document ??= (await import('./openapi')).openApiDocument())),
  bind(routes.health, async ({ now }) => ({ ok: true, stage: config().stage, time: now.toISOString() })),
];
