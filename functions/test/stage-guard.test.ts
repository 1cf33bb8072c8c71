import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
beforeAll(async () => {
  // The same handlers as deployed to production; only the stage differs.
  api = await startTestApi({ env: { STAGE: 'prod' } });
});
afterAll(() => api?.close());

it('POST /auth/dev does not exist outside the local and test stages', async () => {
  const before = await tableSnapshot(api.endpoint, api.tableName);
  expectProblem(await api.request('POST', '/auth/dev', { body: { openid: 'dev-admin' } }), 404, 'NOT_FOUND');
  expectProblem(await api.request('POST', '/auth/dev', { body: { openid: 'brand-new-openid' } }), 404, 'NOT_FOUND');
  expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
});
