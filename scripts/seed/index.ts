import { childPath, defaultCategories } from '@kaimen/shared';
import { putNew } from './put-new';
import { keys } from '../../functions/src/db/keys';
import { orgItem } from '../../functions/src/org/store';
import { userItem, type UserRecord } from '../../functions/src/auth/store';
import { campaignItem, type CampaignRecord } from '../../functions/src/feedback/campaign-store';
import { demoCampaign, demoTree, type DemoOrg } from './demo-data';
import { seedStudy } from './study';
import { seedQuiz } from './quiz';
import { seedFeedback } from './feedback';
import { demoMember, demoOrgRecord, memberItems, seedCensus } from './orgs';
import { seedOrgLife } from './orglife';
import { seedPioneer } from './pioneer';

export interface SeedReport {
  orgs: number;
  members: number;
  written: number;
}

/** Seeds the demo data into the table the functions' configuration names (TABLE_NAME, DYNAMODB_ENDPOINT). */
export async function seedDemo(now = new Date()): Promise<SeedReport> {
  const report: SeedReport = { orgs: 0, members: 0, written: 0 };
  const createdAt = now.toISOString();
  const orgPaths = new Map<string, string>();

  async function visit(node: DemoOrg, parent: { id: string; path: string; kind: string } | null): Promise<void> {
    const path = childPath(parent?.path ?? null, node.id);
    orgPaths.set(node.id, path);
    report.orgs++;
    if (await putNew(orgItem(demoOrgRecord(node, parent, path, createdAt)))) report.written++;
    for (const [i, [name, roles, openid]] of (node.members ?? []).entries()) {
      const user: UserRecord = { id: `m-${node.id}-${i + 1}`, name, roles, orgId: node.id, orgPath: path, createdAt, ...(openid ? { openid } : {}) };
      const member = demoMember(node, parent, i, name, roles, path, createdAt, openid);
      report.members++;
      for (const item of member ? memberItems(member) : [userItem(user)]) if (await putNew(item)) report.written++;
      if (openid && (await putNew({ ...keys.openid(openid), type: 'openid', userId: user.id }))) report.written++;
    }
    for (const child of node.children ?? []) await visit(child, { id: node.id, path, kind: node.kind });
  }
  await visit(demoTree, null);

  const day = 86_400_000;
  const campaign: CampaignRecord = {
    id: demoCampaign.id,
    orgId: demoCampaign.orgId,
    orgPath: orgPaths.get(demoCampaign.orgId)!,
    orgName: '临江市司法局',
    title: demoCampaign.title,
    description: demoCampaign.description,
    reportChannel: demoCampaign.reportChannel,
    categories: defaultCategories.map((c) => ({ ...c })),
    opensAt: new Date(now.getTime() - demoCampaign.daysOpenBefore * day).toISOString(),
    closesAt: new Date(now.getTime() + demoCampaign.daysOpenAfter * day).toISOString(),
    status: 'open',
    createdAt,
    updatedAt: createdAt,
  };
  if (await putNew(campaignItem(campaign))) report.written++;
  report.written += await seedFeedback(putNew, campaign, now);
  report.written += await seedQuiz(orgPaths, now);
  report.written += await seedStudy(putNew, now, orgPaths);
  report.written += await seedCensus(orgPaths, now);
  report.written += await seedOrgLife(now);
  report.written += await seedPioneer(putNew, now, orgPaths);
  return report;
}
