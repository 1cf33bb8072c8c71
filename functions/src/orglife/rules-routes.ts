import { orglifeRoutes as routes } from '@kaimen/shared/orglife/routes';
import { bind, type Binding } from '../lib/api';
import { forbidden } from '../lib/problem';
import { provinceIdOf } from './org-kinds';
import { rulesOf, saveRules } from './rules-store';

export const rulesRoutes: Binding[] = [
  bind(routes.getOrgLifeRules, async ({ principal }) => {
    if (!principal.orgPath) throw forbidden();
    return rulesOf(provinceIdOf(principal.orgPath));
  }),

  bind(routes.updateOrgLifeRules, async ({ body, principal, now }) => {
    const provinceId = provinceIdOf(principal.orgPath ?? '');
    if (!provinceId || principal.orgPath !== `/${provinceId}/`) throw forbidden('组织生活频次由省级管理员设定');
    const current = await rulesOf(provinceId);
    const next = {
      provinceId,
      frequencies: { ...current.frequencies, ...(body.frequencies ?? {}) },
      reportDueDay: body.reportDueDay === undefined ? current.reportDueDay : body.reportDueDay,
    };
    await saveRules(next, principal.userId, now.toISOString());
    return next;
  }),
];
