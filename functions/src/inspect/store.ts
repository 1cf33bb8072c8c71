import { GetCommand, PutCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import type { InspectReport } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict, forbidden } from '../lib/problem';
import { batchPut, type Person } from './people';

/** A self-inspection form (自查事项报告表), pattern I1. */
export interface InspectFormRecord {
  id: string;
  title: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  instructions: string;
  items: { key: string; text: string }[];
  pledge: string;
  deadline: string;
  asked: number;
  /** How many have filed (kept by the filing transaction). */
  filed?: number;
  createdAt: string;
  createdBy: string;
}

/** A person asked to file (I2); `filedAt` once they have. */
export interface AskedRecord extends Person {
  formId: string;
  filedAt?: string;
}

/** A filed report (I3): the answers, never in any list a member or the public reads. */
export type FiledRecord = InspectReport & { orgPath: string };

const strip = <T>(i: Record<string, unknown>): T => {
  const { pk: _p, sk: _s, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = i;
  return rest as T;
};

/** The asked records first, the form last: a form is listed only once everyone it asks is written. */
export async function putForm(form: InspectFormRecord, people: Person[]): Promise<void> {
  await batchPut(people.map((p) => ({
    ...keys.inspectAsked(form.id, p.userId), ...keys.inspectsFor(p.userId), ...keys.inspectForSort(form.createdAt, form.id),
    type: 'inspectAsked', formId: form.id, ...p,
  })));
  await db().send(new PutCommand({
    TableName: table(), Item: { ...keys.inspectForm(form.id), ...keys.inspectFormsInOrg(), ...keys.inspectFormOrgSort(form.orgPath, form.createdAt, form.id), type: 'inspectForm', ...form },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
}

export async function getForm(id: string): Promise<InspectFormRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.inspectForm(id) }));
  return Item ? strip<InspectFormRecord>(Item) : undefined;
}

/** Forms published at or under a path, newest first. */
export async function formsUnder(path: string): Promise<InspectFormRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.inspectFormsInOrg().gsi2pk, ':path': path },
  });
  return items.map((i) => strip<InspectFormRecord>(i)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function askedOf(formId: string): Promise<AskedRecord[]> {
  const p = keys.inspectAskedPrefix(formId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix }, ConsistentRead: true });
  return items.map((i) => strip<AskedRecord>(i));
}

export async function getAsked(formId: string, userId: string): Promise<AskedRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.inspectAsked(formId, userId), ConsistentRead: true }));
  return Item ? strip<AskedRecord>(Item) : undefined;
}

/** Forms a person is asked to file (pattern I2 on gsi1), newest first. */
export async function askedFor(userId: string): Promise<AskedRecord[]> {
  const items = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.inspectsFor(userId).gsi1pk }, ScanIndexForward: false });
  return items.map((i) => strip<AskedRecord>(i));
}

export async function filedOf(formId: string): Promise<FiledRecord[]> {
  const p = keys.inspectFiledPrefix(formId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix } });
  return items.map((i) => strip<FiledRecord>(i));
}

export async function getFiled(formId: string, userId: string): Promise<FiledRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.inspectFiled(formId, userId), ConsistentRead: true }));
  return Item ? strip<FiledRecord>(Item) : undefined;
}

/**
 * Files a report in one transaction: the asked record gets `filedAt` (only if the person is asked and
 * has not filed) and the report is put (only if none exists). So a second filing, even a racing one,
 * changes nothing.
 */
export async function fileReport(report: FiledRecord): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table(), Key: keys.inspectAsked(report.formId, report.userId), UpdateExpression: 'SET filedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(filedAt)', ExpressionAttributeValues: { ':at': report.filedAt },
          },
        },
        { Put: { TableName: table(), Item: { ...keys.inspectFiled(report.formId, report.userId), type: 'inspectFiled', ...report }, ConditionExpression: 'attribute_not_exists(pk)' } },
        // The form's count of filings, so listing forms never reads everyone asked.
        { Update: { TableName: table(), Key: keys.inspectForm(report.formId), UpdateExpression: 'ADD filed :one', ExpressionAttributeValues: { ':one': 1 } } },
      ],
    }));
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
    const asked = await getAsked(report.formId, report.userId);
    if (!asked) throw forbidden('您不在这份自查事项报告表的填报范围内');
    throw conflict('您已提交过这份自查事项报告表，不能重复提交');
  }
}
