import { listPublishedCampaigns } from '../feedback/campaign-store';
import { logger } from '../lib/logger';
import { runTally } from './tally-run';

/**
 * The `tally` Lambda: every 15 minutes (serverless.yml), tallies every open campaign. The same
 * runTally serves POST /admin/campaigns/{id}/tally. A failure in one campaign does not stop the others;
 * whatever a failed run left queued, the next run takes.
 */
export async function handler(): Promise<{ campaigns: number; processed: number; failed: number }> {
  const now = new Date();
  let cursor: string | undefined;
  let campaigns = 0;
  let processed = 0;
  let failed = 0;
  do {
    const page = await listPublishedCampaigns('open', 100, cursor, now);
    for (const c of page.items) {
      campaigns += 1;
      try {
        processed += (await runTally(c.id, now)).processed;
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
