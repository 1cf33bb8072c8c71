import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '@kaimen/shared';
import { startTestApi, type TestApi } from './support/test-api';

const require = createRequire(import.meta.url);
const serverlessRoutes = require('../../infra/routes.cjs') as Record<string, () => { httpApi: { method: string; path: string } }[]> & { functionNames(): string[] };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
});
afterAll(() => api?.close());

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route the functions serve', async () => {
    const res = await api.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const registered = allRoutes().map(({ route }) => `${route.method} ${route.path}`).sort();
    expect(listed).toEqual(registered);
    const deployed = serverlessRoutes.functionNames()
      .flatMap((fn) => serverlessRoutes[fn]!().map((e) => `${e.httpApi.method} ${e.httpApi.path}`)).sort();
    expect(deployed).toEqual(registered);
  });

  it('describes bodies, parameters, security and problem answers from the zod schemas', async () => {
    const doc = (await api.request('GET', '/openapi.json')).json;
    const devSignIn = doc.paths['/auth/dev'].post;
    expect(devSignIn.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['openid'], additionalProperties: false });
    expect(devSignIn.responses['400'].$ref).toBe('#/components/responses/Problem');
    const getCampaign = doc.paths['/campaigns/{campaignId}'].get;
    expect(getCampaign.parameters).toContainEqual(expect.objectContaining({ name: 'campaignId', in: 'path', required: true }));
    expect(getCampaign.security).toBeUndefined();
    expect(doc.paths['/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/me/bind'].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(doc.components.schemas.Problem.properties.code.enum).toContain('RATE_LIMITED');
  });
});
