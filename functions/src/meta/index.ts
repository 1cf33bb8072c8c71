import { routes } from '@kaimen/shared';
import { bind, createFunction } from '../lib/api';
import { config } from '../lib/config';
import { openApiDocument } from './openapi';

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = createFunction([
  bind(routes.openapi, async () => (document ??= openApiDocument())),
  bind(routes.health, async ({ now }) => ({ ok: true, stage: config().stage, time: now.toISOString() })),
]);
