import { GetCommand, PutCommand } from '../lib/dynamo';
import { defaultFrequencies, type Frequencies, type OrgLifeRules } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';

/** A province's org-life rules: its own where set, the national defaults otherwise. */
export async function rulesOf(provinceId: string): Promise<OrgLifeRules> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.orgLifeRules(provinceId) }));
  return {
    provinceId,
    frequencies: { ...defaultFrequencies, ...((Item?.frequencies as Partial<Frequencies> | undefined) ?? {}) },
    reportDueDay: (Item?.reportDueDay as number | null | undefined) ?? null,
  };
}

export async function saveRules(rules: OrgLifeRules, by: string, now: string): Promise<void> {
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.orgLifeRules(rules.provinceId), type: 'orgLifeRules', ...rules, updatedBy: by, updatedAt: now },
  }));
}
