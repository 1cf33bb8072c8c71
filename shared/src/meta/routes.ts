import * as z from 'zod/mini';
import { route } from '../api/route';
import { health } from '../http/common';

const tag = 'meta';

export const metaRoutes = {
  openapi: route({
    id: 'openapi', method: 'GET', path: '/openapi.json', tag, access: 'public', status: 200,
    summary: '本接口的 OpenAPI 3.1 文档', response: z.record(z.string(), z.unknown()),
  }),
  health: route({
    id: 'health', method: 'GET', path: '/health', tag, access: 'public', status: 200,
    summary: '健康检查', response: health,
  }),
};
