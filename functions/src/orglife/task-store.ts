import { GetCommand, PutCommand, TransactWriteCommand } from '../lib/dynamo';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';

/** 九落实 · 三个节点: a dated task a bureau sets for the bureaus directly below it. */
export interface TaskRecord {
  id: string;
  title: string;
  description: string;
  deadline: string;
  ownerOrgId: string;
  ownerOrgName: string;
  ownerOrgPath: string;
  createdAt: string;
  createdBy: string;
  targets: { orgId: string; orgName: string }[];
}

export interface ProgressRecord {
  taskId: string;
  orgId: string;
  orgName: string;
  status: 'not_started' | 'in_progress' | 'done';
  note: string;
  evidence: string[];
  updatedAt?: string;
  updatedBy?: string;
}

const strip = <T>(i: Record<string, unknown>): T => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, type: _t, ...rest } = i;
  return rest as T;
};

/** The task and a `not_started` progress row per target, so each child finds it under its own index. */
export async function createTask(t: TaskRecord): Promise<void> {
  const rows = t.targets.map((c) => ({
    Put: {
      TableName: table(),
      Item: {
        ...keys.taskProgress(t.id, c.orgId), ...keys.tasksFor(c.orgId), ...keys.taskSort(t.deadline, t.id), type: 'taskProgress',
        taskId: t.id, orgId: c.orgId, orgName: c.orgName, status: 'not_started', note: '', evidence: [],
      },
    },
  }));
  const head = { Put: { TableName: table(), Item: { ...keys.orgTask(t.id), ...keys.tasksBy(t.ownerOrgId), ...keys.taskSort(t.deadline, t.id), type: 'orgTask', ...t } } };
  // A transaction holds 100 items: a bureau has far fewer children, but write in chunks all the same.
  const all = [head, ...rows];
  for (let i = 0; i < all.length; i += 100) await db().send(new TransactWriteCommand({ TransactItems: all.slice(i, i + 100) }));
}

export async function getTask(id: string): Promise<TaskRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.orgTask(id), ConsistentRead: true }));
  return Item ? strip<TaskRecord>(Item) : undefined;
}

export async function progressOf(taskId: string): Promise<ProgressRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.orgTask(taskId).pk, ':p': 'PROG#' }, ConsistentRead: true,
  });
  return items.map((i) => strip<ProgressRecord>(i));
}

export async function tasksSetBy(orgId: string): Promise<TaskRecord[]> {
  const items = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.tasksBy(orgId).gsi1pk } });
  return items.map((i) => strip<TaskRecord>(i));
}

export async function tasksAssignedTo(orgId: string): Promise<ProgressRecord[]> {
  const items = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.tasksFor(orgId).gsi1pk } });
  return items.map((i) => strip<ProgressRecord>(i));
}

export async function saveProgress(t: TaskRecord, p: ProgressRecord): Promise<void> {
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.taskProgress(t.id, p.orgId), ...keys.tasksFor(p.orgId), ...keys.taskSort(t.deadline, t.id), type: 'taskProgress', ...p },
    ConditionExpression: 'attribute_exists(pk)',
  }));
}
