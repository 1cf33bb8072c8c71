import { listPublishedCampaigns } from '../feedback/campaign-store';
import { logger } from '../lib/logger';
import { newId } from '../lib/ids';
import { claimRun } from './run-store';
import { pendingCount } from './store';
import { executeRun, type TallyRunEvent } from './tally-job';

/**
 * The `tally` Lambda. Invoked asynchronously with `{ campaignId, runId }` by POST
 * /admin/campaigns/{id}/tally, it does that run. Every 15 minutes (serverless.yml) it tallies every open
 * campaign, each as a run of its own under the campaign's lease (a campaign whose run is already going
 * is skipped). A failure in one campaign does not stop the others; whatever a failed run left queued,
 * the next run takes.
 */
export async function handler(event?: Partial<TallyRunEvent>, context?: { getRemainingTimeInMillis?: () => number }): Promise<{ campaigns: number; processed: number; failed: number }> {
  const remaining = context?.getRemainingTimeInMillis?.bind(context);
  if (event?.runId && event.campaignId) {
    const run = await executeRun({ campaignId: event.campaignId, runId: event.runId, ...(event.carried ? { carried: event.carried } : {}), ...(event.invocation ? { invocation: event.invocation } : {}) }, remaining);
    return { campaigns: 1, processed: run.processed, failed: run.status === 'failed' ? 1 : 0 };
  }
  const now = new Date();
  let cursor: string | undefined;
  let campaigns = 0;
  let processed = 0;
  let failed = 0;
  do {
    const page = await listPublishedCampaigns('open', 100, cursor, now);
    for (const c of page.items) {
      // Too little time left to start another campaign's run: the next scheduled run takes it.
      if (remaining && remaining() < 90_000) break;
      campaigns += 1;
      try {
        const total = await pendingCount(c.id);
        if (total === 0) continue;
        const { run, started } = await claimRun(c.id, newId(now.getTime()), total, new Date());
        if (!started) continue;
        const done = await executeRun({ campaignId: c.id, runId: run.runId }, remaining);
        processed += done.processed;
        if (done.status === 'failed') failed += 1;
      } catch (err) {
        failed += 1;
        logger.error('tally failed', { campaignId: c.id, error: err as Error });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  logger.info('tally done', { campaigns, processed, failed });
  return { campaigns, processed, failed };
}
