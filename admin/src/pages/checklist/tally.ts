import { routes, type TallyRun } from '@kaimen/shared';
import { ApiError, call } from '../../api/client';

export type TallyOutcome = Pick<TallyRun, 'processed' | 'newItems' | 'updatedItems'>;
/** What the page shows while a run goes on: the share done (0–1) and the counts behind it. */
export interface TallyProgress { done: number; processed: number; total: number; queued: boolean }

const pollEveryMs = 1000;
/** A busy server may miss a reading or two; the run goes on regardless, so only this many misses in a row end the wait. */
const missesAllowed = 5;

/** Network failures and 5xx: worth another reading; anything else (403, 404) is the answer. */
function transient(err: unknown): boolean {
  return err instanceof ApiError && (err.network || err.status >= 500);
}

/**
 * Starts the tally of a campaign's new suggestions (202 { runId }: it runs in the background; a run
 * already going is joined) and polls the run until it ends. A failed run rejects with the server's
 * Chinese reason.
 */
export async function runTally(campaignId: string, onProgress: (p: TallyProgress) => void): Promise<TallyOutcome> {
  onProgress({ done: 0, processed: 0, total: 0, queued: true });
  const { runId } = await call(routes.runTally, { params: { campaignId } });
  return followRun(runId, onProgress);
}

/** Polls a run (one this page started, or one already going when the page opened) until it ends. */
export async function followRun(runId: string, onProgress: (p: TallyProgress) => void): Promise<TallyOutcome> {
  for (let misses = 0; ;) {
    let run: TallyRun;
    try {
      run = await call(routes.tallyRun, { params: { runId } });
      misses = 0;
    } catch (err) {
      if (!transient(err) || ++misses >= missesAllowed) throw err;
      await new Promise((r) => setTimeout(r, pollEveryMs * misses));
      continue;
    }
    if (run.status === 'done') {
      onProgress({ done: 1, processed: run.processed, total: Math.max(run.total, run.processed), queued: false });
      return run;
    }
    if (run.status === 'failed') throw new Error(run.error ?? '归并未完成，请稍后再试');
    onProgress({
      done: run.total > 0 ? Math.min(run.processed / run.total, 0.99) : 0,
      processed: run.processed, total: run.total, queued: run.status === 'queued',
    });
    await new Promise((r) => setTimeout(r, pollEveryMs));
  }
}
