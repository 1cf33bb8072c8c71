import { expect } from 'vitest';
import type { TallyRun } from '@kaimen/shared';
import type { ApiResponse, TestApi } from './test-api';

export const startTally = (api: TestApi, campaignId: string, token: string): Promise<ApiResponse> =>
  api.request('POST', `/admin/campaigns/${campaignId}/tally`, { token });

/** Reads the run until it has ended (done or failed), as the admin console's progress bar does. */
export async function waitForRun(api: TestApi, runId: string, token: string): Promise<TallyRun> {
  for (let i = 0; i < 3000; i++) {
    const res = await api.request('GET', `/admin/tally-runs/${runId}`, { token });
    expect(res.status).toBe(200);
    const run = res.json as TallyRun;
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`tally run ${runId} did not end`);
}

/** POST …/tally (202 with a run id), then the run's outcome once it has ended. */
export async function tallyAndWait(api: TestApi, campaignId: string, token: string): Promise<TallyRun> {
  const res = await startTally(api, campaignId, token);
  expect(res.status).toBe(202);
  return waitForRun(api, res.json.runId as string, token);
}
