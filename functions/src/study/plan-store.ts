import { GetCommand, TransactWriteCommand } from '../lib/dynamo';
import type { StudyPlan } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';

export interface PlanRecord extends StudyPlan {
  ownerOrgPath: string;
  /** Materialised paths of the orgs the plan is for. */
  targetPaths: string[];
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...rest } = item;
  return rest as unknown as PlanRecord;
};

export function publicPlan(p: PlanRecord): StudyPlan {
  const { ownerOrgPath: _o, targetPaths: _t, ...rest } = p;
  return rest;
}

/** The plan and one target row per org (each carries the plan, so members read their plans with one query per org). */
export async function createPlan(p: PlanRecord): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: table(),
          Item: { ...keys.studyPlan(p.id), ...keys.plansInOrg(), ...keys.planOrgSort(p.ownerOrgPath, p.createdAt, p.id), type: 'plan', ...p },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...p.orgIds.map((orgId) => ({
        Put: {
          TableName: table(),
          Item: { ...keys.planTarget(p.id, orgId), ...keys.plansFor(orgId), ...keys.planForSort(p.deadline, p.id), type: 'planTarget', ...p },
        },
      })),
    ],
  }));
}

export async function getPlan(id: string): Promise<PlanRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.studyPlan(id) }));
  return Item ? strip(Item) : undefined;
}

async function queryRecords(input: Parameters<typeof queryAll>[0]): Promise<PlanRecord[]> {
  return (await queryAll(input)).map(strip);
}

/** The ids of an org and its ancestors, from its materialised path (`/jn/lj/` → jn, lj). */
export function pathIds(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean);
}

/** Plans for the members of an org: those aimed at the org itself or at any org above it. */
export async function plansForOrgPath(orgPath: string): Promise<PlanRecord[]> {
  const lists = await Promise.all(pathIds(orgPath).map((orgId) => queryRecords({
    TableName: table(), IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.plansFor(orgId).gsi1pk },
  })));
  const byId = new Map<string, PlanRecord>();
  for (const p of lists.flat()) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/** Plans a secretary or admin deals with: those made inside their subtree and those aimed at them. */
export async function plansForManager(orgPath: string): Promise<PlanRecord[]> {
  const [owned, aimed] = await Promise.all([
    queryRecords({
      TableName: table(), IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
      ExpressionAttributeValues: { ':pk': keys.plansInOrg().gsi2pk, ':path': orgPath },
    }),
    plansForOrgPath(orgPath),
  ]);
  const byId = new Map<string, PlanRecord>();
  for (const p of [...owned, ...aimed]) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.deadline.localeCompare(b.deadline));
}
