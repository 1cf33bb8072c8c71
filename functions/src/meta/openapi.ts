import * as z from 'zod/mini';
import { problem, problemStatus, XLSX_MEDIA_TYPE, type AnyRoute } from '@kaimen/shared';
import { allRoutes } from '@kaimen/shared/routes';

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parametersOf(route: AnyRoute) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const js = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
    }
  }
  if (route.idempotent) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 128 } });
  }
  return out;
}

function errorCodesOf(route: AnyRoute): number[] {
  const codes = new Set<number>([problemStatus.VALIDATION_FAILED, problemStatus.PAYLOAD_TOO_LARGE, problemStatus.INTERNAL]);
  if (route.access !== 'public') {
    codes.add(problemStatus.UNAUTHENTICATED);
    codes.add(problemStatus.FORBIDDEN);
  }
  if (route.params) codes.add(problemStatus.NOT_FOUND);
  if (route.method !== 'GET') codes.add(problemStatus.CONFLICT);
  return [...codes].sort();
}

/** The OpenAPI 3.1 document of every route the functions serve, built from the shared zod schemas. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { fn, route } of allRoutes()) {
    const op: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      'x-kaimen-function': fn,
      'x-kaimen-access': route.access,
      parameters: parametersOf(route),
      responses: {} as Record<string, unknown>,
    };
    if (route.access !== 'public') op.security = [{ bearer: [] }];
    if (route.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    } else if (route.rawBody) {
      const media = route.rawBody.includes(XLSX_MEDIA_TYPE) ? [...route.rawBody, 'application/octet-stream'] : route.rawBody;
      op.requestBody = { required: true, content: Object.fromEntries(media.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])) };
    }
    const responses = op.responses as Record<string, unknown>;
    if (route.responseMedia) {
      responses[String(route.status)] = { description: 'OK', content: { [route.responseMedia]: { schema: { type: 'string', format: 'binary' } } } };
    } else if (route.response) {
      responses[String(route.status)] = { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } };
    } else {
      responses[String(route.status)] = { description: 'OK' };
    }
    for (const status of errorCodesOf(route)) {
      responses[String(status)] = { $ref: '#/components/responses/Problem' };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Kaimen 开门 API', version: '0.1.0', description: '党建学习、知识测试与开门纳谏的 HTTP 接口' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: schemaOf(problem, 'output') },
      responses: {
        Problem: {
          description: 'RFC 9457 problem details',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  };
}
