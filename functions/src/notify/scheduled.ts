import type { Context } from 'aws-lambda';
import { logger } from '../lib/logger';
import { scans } from './scan';
import { sendDue, type SendRun } from './sender';

/** Time kept back from the Lambda's limit so a run ends by itself, between messages, never killed mid-send. */
const SAFETY_MS = 20_000;

/**
 * The `notifySender` Lambda (every 5 minutes): finds what fell due (quizzes and plans closing within
 * 24 h, overdue checklist items), then sends every message due. A failing scan does not stop the
 * others or the sending; what a run leaves, the next run takes.
 */
export async function handler(_event?: unknown, context?: Partial<Context>): Promise<{ scanned: Record<string, number | string>; sent: SendRun }> {
  const now = new Date();
  const scanned: Record<string, number | string> = {};
  for (const [name, scan] of Object.entries(scans)) {
    try {
      scanned[name] = await scan(now);
    } catch (err) {
      scanned[name] = 'failed';
      logger.error('notify scan failed', { scan: name, error: err as Error });
    }
  }
  const remaining = context?.getRemainingTimeInMillis?.();
  const sent = await sendDue(remaining ? { deadline: Date.now() + remaining - SAFETY_MS } : {});
  logger.info('notify run done', { scanned, ...sent });
  return { scanned, sent };
}
