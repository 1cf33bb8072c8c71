import { orglifeRoutes as routes } from '@kaimen/shared/orglife/routes';
import { bind, type Binding } from '../lib/api';
import { scopedOrg } from './access';
import { complianceUnder, orgsById } from './compliance';
import { provinceIdOf } from './org-kinds';
import { rulesOf } from './rules-store';

const monthNow = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

export const complianceRoutes: Binding[] = [
  bind(routes.compliance, async ({ params, query, principal, now }) => {
    const org = await scopedOrg(principal, params.orgId);
    const period = query.period ?? monthNow(now);
    const rules = await rulesOf(provinceIdOf(org.path));
    const rows = await complianceUnder(org, period, rules, now.getTime());
    const parents = await orgsById(rows.map((r) => r.parentId).filter((id): id is string => !!id));
    const items = rows
      .map(({ orgPath: _p, parentId, ...r }) => ({ ...r, parentName: parentId ? parents.get(parentId)?.name ?? null : null }))
      .sort((a, b) => Number(b.behind) - Number(a.behind) || a.orgName.localeCompare(b.orgName, 'zh'));
    return { orgId: org.id, orgName: org.name, period, partyOrgs: items.length, behind: items.filter((i) => i.behind).length, items };
  }),
];
