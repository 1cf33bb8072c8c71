import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Org } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { isPartyOrg } from '../orglife/org-kinds';

export interface OrgRecord extends Org {
  /** Census figures of an institution (摸底调查): kept with the org for coverage reports. */
  memberCount?: number;
}

export async function getOrg(id: string): Promise<OrgRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.org(id) }));
  return Item ? toOrg(Item) : undefined;
}

export async function listChildren(parentId: string): Promise<OrgRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.orgChildren(parentId).gsi1pk },
  });
  return items.map(toOrg);
}

export function orgItem(o: OrgRecord) {
  return {
    ...keys.org(o.id),
    ...(o.parentId ? { ...keys.orgChildren(o.parentId), ...keys.orgChildSort(o.kind, o.name, o.id) } : {}),
    // Party orgs listed by path, so organisation life finds every branch under a bureau in one Query.
    ...(isPartyOrg(o) ? keys.partyOrgsByPath(o.path) : {}),
    type: 'org',
    ...o,
  };
}

function toOrg(item: Record<string, unknown>): OrgRecord {
  return {
    id: item.id as string,
    name: item.name as string,
    kind: item.kind as Org['kind'],
    parentId: (item.parentId as string | null) ?? null,
    path: item.path as string,
    ...(typeof item.memberCount === 'number' ? { memberCount: item.memberCount } : {}),
  };
}

/**
 * The bureaus and institutions at and below an org, breadth first (branches left out: the public
 * names the office that served them, not its Party branch).
 */
export async function unitsUnder(rootId: string): Promise<{ id: string; name: string; kind: string; parentName: string | null }[]> {
  const root = await getOrg(rootId);
  if (!root) return [];
  const out = [{ id: root.id, name: root.name, kind: root.kind, parentName: null as string | null }];
  let frontier = [root];
  while (frontier.length) {
    const children = (await Promise.all(frontier.map(async (p) => (await listChildren(p.id)).map((c) => ({ c, parent: p }))))).flat()
      .filter(({ c }) => c.kind !== 'branch');
    out.push(...children.map(({ c, parent }) => ({ id: c.id, name: c.name, kind: c.kind, parentName: parent.name })));
    frontier = children.map(({ c }) => c);
  }
  return out;
}

/** An org and everything under it, branches included, breadth first (each level in the index's order). */
export async function subtree(rootId: string): Promise<OrgRecord[]> {
  const root = await getOrg(rootId);
  if (!root) return [];
  const out = [root];
  let frontier = [root];
  while (frontier.length) {
    const children = (await Promise.all(frontier.map((p) => listChildren(p.id)))).flat();
    out.push(...children);
    frontier = children;
  }
  return out;
}
