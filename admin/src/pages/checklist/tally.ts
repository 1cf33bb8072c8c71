import { routes, type TallyRun } from '@kaimen/shared';
import { call } from '../../api/client';

export type TallyOutcome = Pick<TallyRun, 'processed' | 'newItems' | 'updatedItems'>;

const pollEveryMs = 1000;

/**
 * Starts the tally of a campaign's new suggestions (202 { runId }: it runs in the background) and
 * polls the run until it ends; `onProgress` takes the share done, 0–1. A failed run rejects with
 * the server's Chinese reason.
 */
export async function runTally(campaignId: string, onProgress: (done: number) => void): Promise<TallyOutcome> {
  onProgress(0);
  const { runId } = await call(routes.runTally, { params: { campaignId } });
  for (;;) {
    const run = await call(routes.tallyRun, { params: { runId } });
    if (run.status === 'done') {
      onProgress(1);
      return run;
    }
    if (run.status === 'failed') throw new Error(run.error ?? '归并未完成，请稍后再试');
    onProgress(run.total > 0 ? Math.min(run.processed / run.total, 0.99) : 0);
    await new Promise((r) => setTimeout(r, pollEveryMs));
  }
}
