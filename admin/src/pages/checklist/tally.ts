import { routes } from '@kaimen/shared';
import { call } from '../../api/client';

export interface TallyOutcome {
  processed: number;
  newItems: number;
  updatedItems: number;
}

/**
 * Runs the tally of a campaign's new suggestions into its checklist. Today the API answers with
 * the outcome at once; when it answers 202 { runId } instead, poll the run here and resolve with
 * the same outcome (`onProgress` takes the share done, 0–1), and nothing else changes.
 */
export async function runTally(campaignId: string, onProgress: (done: number) => void): Promise<TallyOutcome> {
  onProgress(0);
  const outcome = await call(routes.runTally, { params: { campaignId } });
  onProgress(1);
  return outcome;
}
