import type { TallyRun } from '@kaimen/shared';
import { logger } from '../lib/logger';
import { newId } from '../lib/ids';
import { claimInvocation, claimRun, finishRun, getRun, recordProgress } from './run-store';
import { pendingCount } from './store';
import { runTally, TALLY_BATCH } from './tally-run';

/** A run keeps taking batches until the queue is empty, at most this many (the next run takes the rest). */
const MAX_BATCHES = 10;

/** What the tally Lambda receives when a run is started on demand (asynchronous invocation). */
export interface TallyRunEvent {
  campaignId: string;
  runId: string;
  /** A continued run: what its earlier invocations did. */
  carried?: { processed: number; newItems: number; updatedItems: number };
  /** Which invocation of the run this is (1 when absent); a second delivery of the same one does nothing. */
  invocation?: number;
}

/** A run stops taking work this long before its Lambda's timeout and continues in a new invocation. */
const RESERVE_MS = 60_000;

/**
 * Test hook: `KAIMEN_TALLY_BUDGET_MS=N` makes an invocation hand the run on after N ms of work, as one
 * near its Lambda's timeout does (read at every invocation; never set outside tests).
 */
function budgetMs(): number {
  const v = Number(process.env.KAIMEN_TALLY_BUDGET_MS);
  return process.env.KAIMEN_TALLY_BUDGET_MS && Number.isFinite(v) && v >= 0 ? v : Infinity;
}

/**
 * Starts a run of the campaign's tally, or answers the run already holding the campaign's lease. A new
 * run is handed to the tally Lambda (asynchronous invocation, so the HTTP request answers at once);
 * without a tally function configured (tests, the in-process API) it runs in this process, in the background.
 */
export async function startTally(campaignId: string, now: Date): Promise<TallyRun> {
  const total = await pendingCount(campaignId);
  const { run, started } = await claimRun(campaignId, newId(now.getTime()), total, now);
  if (!started) return run;
  try {
    await dispatch({ campaignId, runId: run.runId });
  } catch (err) {
    logger.error('tally run could not be started', { campaignId, error: err as Error });
    const failed: TallyRun = { ...run, status: 'failed', error: '归并任务未能启动，请稍后重试' };
    await finishRun(failed, new Date());
    return failed;
  }
  return run;
}

async function dispatch(event: TallyRunEvent): Promise<void> {
  const functionName = process.env.TALLY_FUNCTION_NAME;
  if (!functionName) {
    void executeRun(event).catch((err: unknown) => logger.error('tally run failed', { ...event, error: err as Error }));
    return;
  }
  const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
  // serverless-offline answers Lambda's Invoke API on its lambda port.
  const endpoint = process.env.IS_OFFLINE ? `http://127.0.0.1:${process.env.API_LAMBDA_PORT ?? '3002'}` : undefined;
  const client = new LambdaClient(endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'cn-northwest-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {});
  await client.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(event)) }));
}

/**
 * Does the work of one claimed run: batches of the queue until it is empty, recording progress (and
 * renewing the lease) as it goes; ends done or failed, and releases the lease either way. Whatever a
 * failed run committed stays committed; the next run carries on from the queue.
 */
export async function executeRun(event: TallyRunEvent, lambdaRemainingMs: () => number = () => Infinity): Promise<TallyRun> {
  const budgetEnds = Date.now() + budgetMs();
  const remainingMs = () => Math.min(lambdaRemainingMs(), budgetEnds - Date.now() + RESERVE_MS);
  const claimed = await getRun(event.runId);
  if (!claimed || claimed.status === 'done' || claimed.status === 'failed') throw new Error(`tally run ${event.runId} is not waiting`);
  const invocation = event.invocation ?? 1;
  if (!(await claimInvocation(event.runId, invocation))) {
    logger.warn('tally invocation delivered again or out of turn: ignored', { ...event });
    return claimed;
  }
  const run: TallyRun = { ...claimed, status: 'running', invocations: invocation };
  // The run's record is at least as far as the event: a retried invocation (Lambda retries an async
  // invocation that died) carries what the invocation before it handed on, older than what it recorded.
  const carried = event.carried ?? { processed: 0, newItems: 0, updatedItems: 0 };
  const base = {
    processed: Math.max(claimed.processed, carried.processed),
    newItems: Math.max(claimed.newItems, carried.newItems),
    updatedItems: Math.max(claimed.updatedItems, carried.updatedItems),
  };
  try {
    await recordProgress(run, new Date());
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const outcome = await runTally(run.campaignId, new Date(), async (o) => {
        Object.assign(run, { processed: base.processed + o.processed, newItems: base.newItems + o.newItems, updatedItems: base.updatedItems + o.updatedItems });
        await recordProgress(run, new Date());
      }, () => remainingMs() < RESERVE_MS);
      base.processed += outcome.processed;
      base.newItems += outcome.newItems;
      base.updatedItems += outcome.updatedItems;
      Object.assign(run, base);
      if (outcome.stopped || (remainingMs() < RESERVE_MS && outcome.processed >= TALLY_BATCH)) {
        // Time is nearly up: the same run goes on in a fresh invocation (it keeps the lease and its id).
        await recordProgress(run, new Date());
        await dispatch({ campaignId: run.campaignId, runId: run.runId, carried: base, invocation: invocation + 1 });
        return run;
      }
      if (outcome.processed < TALLY_BATCH) break;
      await recordProgress(run, new Date());
    }
    run.status = 'done';
    // Suggestions that arrived while it ran are counted too: the total is never below what was done.
    run.total = Math.max(run.total, run.processed);
  } catch (err) {
    logger.error('tally run failed', { ...event, error: err as Error });
    Object.assign(run, { status: 'failed', error: '归并中途出错，已完成的部分已保存，请重新归并' });
  }
  await finishRun(run, new Date());
  return run;
}
