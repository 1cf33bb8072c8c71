import { GetCommand, PutCommand, ConditionalCheckFailedException } from '../lib/dynamo';
import { addOutcome, emptyOutcome, projectOverdue, type OutcomeFigures, type ProjectStatus, type ServiceProject } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';

export interface ProjectRecord extends Omit<ServiceProject, 'overdue'> {
  orgPath: string;
  version: number;
}

export function projectItem(p: ProjectRecord) {
  return { ...keys.serviceProject(p.id), ...keys.projectsInTree(), ...keys.projectTreeSort(p.orgPath, p.createdAt, p.id), type: 'serviceProject', ...p };
}

function strip(item: Record<string, unknown>) {
  const { pk: _pk, sk: _sk, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest;
}

export function projectView(p: ProjectRecord, now: Date): ServiceProject {
  const { orgPath: _p, version: _v, ...rest } = p;
  return { ...rest, overdue: projectOverdue(p, now) };
}

export async function getProject(id: string): Promise<ProjectRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.serviceProject(id), ConsistentRead: true }));
  return Item ? (strip(Item) as unknown as ProjectRecord) : undefined;
}

/** Writes a project; `readVersion` guards a change against a concurrent one (none for a new project). */
export async function putProject(p: ProjectRecord, readVersion?: number): Promise<void> {
  try {
    await db().send(new PutCommand({
      TableName: table(), Item: projectItem(p),
      ...(readVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } }),
    }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw conflict('这个项目刚刚被修改过，请刷新后再试');
    throw err;
  }
}

export async function projectsUnder(path: string): Promise<ProjectRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.projectsInTree().gsi2pk, ':p': path },
  });
  return items.map((i) => strip(i) as unknown as ProjectRecord);
}

export interface OutcomeRecord extends OutcomeFigures {
  orgId: string;
  orgName: string;
  orgPath: string;
  month: string;
  updatedAt: string;
  by: string;
}

export function outcomeItem(o: OutcomeRecord) {
  return { ...keys.serviceOutcome(o.orgId, o.month), ...keys.outcomesOfMonth(o.month), ...keys.outcomeTreeSort(o.orgPath), type: 'serviceOutcome', ...o };
}

export async function putOutcome(o: OutcomeRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: outcomeItem(o) }));
}

/** The outcome records of a month at or under a path (one Query per month). */
export async function outcomesUnder(path: string, month: string): Promise<OutcomeRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.outcomesOfMonth(month).gsi2pk, ':p': path },
  });
  return items.map((i) => strip(i) as unknown as OutcomeRecord);
}

/** What the monthly report adds (functions/src/orglife/figures.ts): the month's outcomes and the projects under the org. */
export async function serviceFiguresUnder(path: string, month: string, now: Date) {
  const [outcomes, projects] = await Promise.all([outcomesUnder(path, month), projectsUnder(path)]);
  const sums = emptyOutcome();
  for (const o of outcomes) addOutcome(sums, o);
  const done = (s: ProjectStatus) => s === 'done';
  return {
    ...sums,
    projects: projects.length,
    projectsDone: projects.filter((p) => done(p.status)).length,
    projectsOverdue: projects.filter((p) => projectOverdue(p, now)).length,
  };
}
