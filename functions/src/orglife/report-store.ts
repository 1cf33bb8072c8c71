import { GetCommand, PutCommand, TransactWriteCommand, ConditionalCheckFailedException, TransactionCanceledException } from '../lib/dynamo';
import type { ReportFigures, ReportSections, ReportStatus } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';

export interface HistoryEntry { version: number; action: 'submitted' | 'returned' | 'revised'; at: string; by: string; comment?: string }

/** The current state of a bureau's report for a month; figures are kept only once submitted (frozen). */
export interface ReportHead {
  orgId: string;
  month: string;
  status: ReportStatus;
  version: number;
  sections: ReportSections;
  figures?: ReportFigures;
  submittedAt?: string;
  firstSubmittedAt?: string;
  returnComment?: string;
  history: HistoryEntry[];
}

export interface ReportVersion { version: number; submittedAt: string; figures: ReportFigures; sections: ReportSections }

export const emptySections = (): ReportSections => ({ progress: '', problems: '', nextSteps: '' });

export function newHead(orgId: string, month: string): ReportHead {
  return { orgId, month, status: 'draft', version: 1, sections: emptySections(), history: [] };
}

const toHead = (i: Record<string, unknown>): ReportHead => {
  const { pk: _p, sk: _s, type: _t, ...rest } = i;
  return rest as unknown as ReportHead;
};

export async function getHead(orgId: string, month: string): Promise<ReportHead | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.reportHead(orgId, month), ConsistentRead: true }));
  return Item ? toHead(Item) : undefined;
}

export async function listVersions(orgId: string, month: string): Promise<ReportVersion[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.reportHead(orgId, month).pk, ':p': `${month}#V` },
  });
  return items.map((i) => ({ version: i.version as number, submittedAt: i.submittedAt as string, figures: i.figures as ReportFigures, sections: i.sections as ReportSections }));
}

const notFrozen = 'attribute_not_exists(pk) OR #status <> :submitted';

/** Saves edited sections of a draft or returned report; a submitted one is frozen (409). */
export async function saveSections(head: ReportHead, sections: ReportSections): Promise<ReportHead> {
  const next = { ...head, sections };
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: { ...keys.reportHead(head.orgId, head.month), type: 'reportHead', ...next },
      ConditionExpression: `(${notFrozen}) AND (attribute_not_exists(version) OR version = :v)`,
      ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':submitted': 'submitted', ':v': head.version },
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw conflict('月报已报送并锁定，如需更正请先生成新版本');
    throw err;
  }
  return next;
}

/** Freezes the report: the head becomes `submitted` with its figures and the version is kept for good. */
export async function submitReport(head: ReportHead, figures: ReportFigures, by: string, now: string): Promise<ReportHead> {
  const next: ReportHead = {
    ...head, status: 'submitted', figures, submittedAt: now, firstSubmittedAt: head.firstSubmittedAt ?? now, returnComment: undefined,
    history: [...head.history, { version: head.version, action: 'submitted', at: now, by }],
  };
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(), Item: { ...keys.reportHead(head.orgId, head.month), type: 'reportHead', ...next },
            ConditionExpression: `(${notFrozen}) AND (attribute_not_exists(version) OR version = :v)`,
            ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':submitted': 'submitted', ':v': head.version },
          },
        },
        {
          Put: {
            TableName: table(),
            Item: { ...keys.reportVersion(head.orgId, head.month, head.version), type: 'reportVersion', version: head.version, submittedAt: now, figures, sections: head.sections, by },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }));
  } catch (err) {
    if (err instanceof TransactionCanceledException) throw conflict('月报已报送，不能重复报送');
    throw err;
  }
  return next;
}

/**
 * Reopens a submitted report as the next version: `revised` by the bureau itself (更正) or `returned`
 * by the level above with a comment (退回). The submitted version stays as history.
 */
export async function reopenReport(head: ReportHead, action: 'revised' | 'returned', by: string, now: string, comment?: string): Promise<ReportHead> {
  const next: ReportHead = {
    ...head, status: action === 'returned' ? 'returned' : 'draft', version: head.version + 1, figures: undefined, submittedAt: undefined,
    ...(comment ? { returnComment: comment } : { returnComment: undefined }),
    history: [...head.history, { version: head.version, action, at: now, by, ...(comment ? { comment } : {}) }],
  };
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: { ...keys.reportHead(head.orgId, head.month), type: 'reportHead', ...next },
      ConditionExpression: '#status = :submitted AND version = :v',
      ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':submitted': 'submitted', ':v': head.version },
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw conflict(action === 'returned' ? '只能退回已报送的月报' : '只有已报送的月报需要更正');
    throw err;
  }
  return next;
}

